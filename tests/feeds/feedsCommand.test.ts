import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { localContext } from '../../src/core/commands/context.ts';
import { runCommand } from '../../src/core/commands/runCommand.ts';
import type { FeedView } from '../../src/core/feedRegistry/feedView.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { FeedPoller } from '../../src/feeds/feedPoller.ts';
import { DEFAULT_FETCH_LIMITS } from '../../src/feeds/fetchLimits.ts';
import { guardedAgent } from '../../src/feeds/guardedAgent.ts';
import { httpFeedSource } from '../../src/feeds/httpFeedSource.ts';
import { parseOpml, toOpml } from '../../src/feeds/opml.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';
import { loopbackServer, rss, type LoopbackServer } from './support/loopbackServer.ts';

let server: LoopbackServer;
let version = 1;
let temp: TempCore | undefined;

beforeAll(async () => {
  server = await loopbackServer({
    '/world.xml': (req, res) => {
      const etag = `"v${version}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
      const items = [1, 2, 3].slice(0, version + 1).map((n) => ({ guid: `w${n}`, title: `Ceasefire talks, day ${n}`, link: `https://example.org/w${n}?utm_source=rss&amp;utm_medium=feed`, date: 'Sat, 14 Sep 2024 09:00:00 GMT', description: `Negotiators met for day ${n} in Geneva and said progress on prisoner exchanges was slow but real.` }));
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(rss('Loopback World', items));
    },
  });
});
afterAll(() => server.close());
afterEach(() => temp?.cleanup());

function setUp(): { poller: FeedPoller; clock: ManualClock; context: ReturnType<typeof localContext> } {
  const clock = new ManualClock('2024-09-14T12:00:00Z');
  temp = tempCore({ clock });
  const source = httpFeedSource(guardedAgent({ allowHosts: ['127.0.0.1'], connectTimeoutMs: 10_000 }), { ...DEFAULT_FETCH_LIMITS, deadlineMs: 15_000 }, clock);
  temp.core.ports.feedSource = source;
  return { poller: new FeedPoller(temp.core.feeds, source, silentLogger(), 2), clock, context: localContext(temp.core) };
}

describe('/brief feeds', () => {
  it('adds, lists with health, polls with conditional GET, and removes a feed', async () => {
    const { poller, context } = setUp();
    const url = `${server.origin}/world.xml`;
    version = 1;
    expect(await runCommand(`/brief feeds add ${url}`, context)).toMatchObject({ kind: 'info', title: 'Feed added' });
    expect(await runCommand(`/brief feeds add ${url}`, context)).toMatchObject({ title: 'Feed already followed' });

    const [first] = (await poller.cycle())!;
    expect(first!.error).toBeUndefined();
    expect(first).toMatchObject({ status: 'new', firstPoll: true, counts: { new: 2 } });
    const [second] = (await poller.cycle())!;
    expect(second).toMatchObject({ status: 'unchanged', notModified: true });
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe('"v1"');
    version = 2;
    const [third] = (await poller.cycle())!;
    expect(third).toMatchObject({ status: 'new', firstPoll: false, counts: { new: 1, unchanged: 2 } });

    const listed = await runCommand('/brief feeds list', context);
    const feeds = (listed.data as { feeds: FeedView[] }).feeds;
    expect(feeds).toEqual([expect.objectContaining({ url, title: 'Loopback World', status: 'ok', itemCount: 3, lastError: null })]);
    expect(listed.sections[0]!.fields![0]!.value).toMatch(/^ok — last success 0 s ago, 3 items seen$/);

    // Links are stored canonical: tracking parameters gone.
    expect(temp!.core.articles.list().map((a) => a.url).sort()).toEqual(['https://example.org/w1', 'https://example.org/w2', 'https://example.org/w3']);

    expect(await runCommand(`/brief feeds remove ${url}`, context)).toMatchObject({ title: 'Feed removed' });
    expect(await runCommand(`/brief feeds remove ${url}`, context)).toMatchObject({ kind: 'error', data: { code: 'feeds/not-found' } });
  });

  it('checks a feed without storing anything, and refuses a private address in plain words', async () => {
    const { context } = setUp();
    const checked = await runCommand(`/brief feeds check ${server.origin}/world.xml`, context);
    expect(checked).toMatchObject({ kind: 'info', footer: 'Checked only: nothing was stored.', data: { ok: true, feed: { title: 'Loopback World' } } });
    expect(temp!.core.articles.count()).toBe(0);
    expect(temp!.core.feeds.list()).toEqual([]);

    const refused = await runCommand(`/brief feeds check http://localhost:${server.port}/world.xml`, context);
    expect(refused).toMatchObject({ kind: 'error', data: { ok: false, error: { code: 'feeds/refused', message: expect.stringContaining('loopback address') } } });
  });

  it('needs an admin to change feeds, but anyone may list and check', async () => {
    const { context } = setUp();
    const member = { ...context, user: { id: 'u1', isAdmin: false } };
    expect(await runCommand('/brief feeds add https://example.org/rss', member)).toMatchObject({ kind: 'error', data: { code: 'commands/not-admin' } });
    expect(await runCommand('/brief feeds list', member)).toMatchObject({ kind: 'info', title: 'No feeds yet' });
  });
});

describe('OPML', () => {
  it('exports OPML 2.0 and reads nested outlines back', async () => {
    temp = tempCore();
    temp.core.feeds.add('https://a.example/rss', 'user', 'A & B News');
    const xml = toOpml(temp.core.feeds.list(), new Date('2024-09-14T12:00:00Z'));
    expect(xml).toContain('<opml version="2.0">');
    expect(xml).toContain('xmlUrl="https://a.example/rss"');
    const nested = xml.replace('</body>', '<outline text="Folder"><outline type="rss" text="Other" xmlUrl="https://b.example/feed"/></outline></body>');
    expect(await parseOpml(nested)).toEqual({ ok: true, value: [{ url: 'https://a.example/rss', title: 'A & B News' }, { url: 'https://b.example/feed', title: 'Other' }] });
  });

  it('refuses a file that is not OPML with a clear message', async () => {
    expect(await parseOpml('<rss version="2.0"></rss>')).toMatchObject({ ok: false, error: { code: 'feeds/bad-opml', message: expect.stringContaining('no <opml> element') } });
    expect(await parseOpml('<opml><body>')).toMatchObject({ ok: false, error: { code: 'feeds/bad-opml' } });
  });
});
