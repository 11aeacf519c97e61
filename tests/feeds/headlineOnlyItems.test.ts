import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { FeedPoller } from '../../src/feeds/feedPoller.ts';
import { DEFAULT_FETCH_LIMITS } from '../../src/feeds/fetchLimits.ts';
import { guardedAgent } from '../../src/feeds/guardedAgent.ts';
import { httpFeedSource } from '../../src/feeds/httpFeedSource.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';
import { loopbackServer, type LoopbackServer } from './support/loopbackServer.ts';

/** Items as wire services send them: some are a headline and nothing else. */
interface WireItem {
  readonly guid: string;
  readonly title: string;
  readonly description?: string;
}

let server: LoopbackServer;
let items: WireItem[] = [];
let temp: TempCore | undefined;

const feedXml = () => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire Headlines</title><link>https://wire.example/</link>
${items.map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>https://wire.example/${i.guid}</link><pubDate>Sat, 14 Sep 2024 09:00:00 GMT</pubDate>${i.description ? `<description>${i.description}</description>` : ''}</item>`).join('\n')}
</channel></rss>`;

beforeAll(async () => {
  server = await loopbackServer({ '/wire.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml()) });
});
afterAll(() => server.close());
afterEach(() => temp?.cleanup());

function setUp(): FeedPoller {
  const clock = new ManualClock('2024-09-14T12:00:00Z');
  temp = tempCore({ clock });
  const source = httpFeedSource(guardedAgent({ allowHosts: ['127.0.0.1'], connectTimeoutMs: 10_000 }), { ...DEFAULT_FETCH_LIMITS, deadlineMs: 15_000 }, clock);
  temp.core.ports.feedSource = source;
  temp.core.feeds.add(`${server.origin}/wire.xml`);
  return new FeedPoller(temp.core.feeds, source, silentLogger(), 2);
}

const bodyOf = (guid: string) => temp!.core.articles.findByUrl(`https://wire.example/${guid}`)?.body;

describe('headline-only and very short feed items', () => {
  it('stores a title-only item and a two-word description as articles, not as empty', async () => {
    items = [
      { guid: 'a1', title: 'Pentagon approves ATACMS use inside Russia' },
      { guid: 'a2', title: 'Kremlin warns of response', description: 'Moscow reacts' },
      { guid: 'a3', title: 'Кириллица', description: 'Кириллица и émoji 🚀' },
    ];
    const poller = setUp();
    const [report] = (await poller.cycle())!;
    expect(report!.error).toBeUndefined();
    expect(report!.counts).toMatchObject({ new: 3, empty: 0 });
    expect(bodyOf('a1')).toBe('Pentagon approves ATACMS use inside Russia');
    expect(bodyOf('a2')).toBe('Moscow reacts');
    expect(bodyOf('a3')).toBe('Кириллица и émoji 🚀');
  });

  it('matches a title-only item on a policy change against a channel topic, with its headline as the body', async () => {
    items = [{ guid: 'b1', title: 'Ceasefire talks resume in Geneva', description: 'Negotiators met again in Geneva and said progress on prisoner exchanges was slow but real.' }];
    const poller = setUp();
    const news = { platform: 'slack', workspace: 'T1', channel: 'C-news' } as const;
    expect(temp!.core.topics.add(news, 'atacms', 'ATACMS AND Russia').ok).toBe(true);
    await poller.cycle(); // the first poll records what is there, quietly
    items = [...items, { guid: 'b2', title: 'Biden lifts ban on ATACMS strikes inside Russia' }];
    const [second] = (await poller.cycle())!;
    expect(second!.counts).toMatchObject({ new: 1, empty: 0 });
    const article = temp!.core.articles.findByUrl('https://wire.example/b2')!;
    expect(article.body).toBe('Biden lifts ban on ATACMS strikes inside Russia');
    expect(temp!.core.articles.sentences(article.id).map((s) => s.text)).toEqual(['Biden lifts ban on ATACMS strikes inside Russia']);
    expect(temp!.core.topics.channelMatches(article.id, news)).toContain('atacms');
  });
});
