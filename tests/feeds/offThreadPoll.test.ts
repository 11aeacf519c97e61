import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { runCommand } from '../../src/core/commands/runCommand.ts';
import { readCorpus } from '../../src/core/corpus/seedCorpus.ts';
import type { Core } from '../../src/core/core.ts';
import type { FeedItem } from '../../src/core/feedRegistry/feedItem.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { FeedPoller } from '../../src/feeds/feedPoller.ts';
import { storedTables } from '../support/storedTables.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';
import { item, ScriptedFeedSource } from './support/fakeFeedSource.ts';

const URL_A = 'https://news.example.org/world.xml';
const temps: TempCore[] = [];
afterEach(() => temps.splice(0).forEach((temp) => temp.cleanup()));

/** The bundled corpus as the full-text items of one feed. */
function corpusItems(): FeedItem[] {
  const { articles, skipped } = readCorpus();
  if (skipped.length > 0) throw new Error(`corpus files did not parse: ${JSON.stringify(skipped)}`);
  return articles.map((article, n) => ({ guid: `corpus-${n}`, title: article.title, link: `https://news.example.org/${n}`, publishedAt: article.publishedAt, text: article.text }));
}

const decision = item(9, {
  title: 'Biden allows Ukraine to strike deep inside Russia with ATACMS',
  publishedAt: '2024-11-17T18:00:00.000Z',
  text: 'President Joe Biden has authorized Ukraine to use ATACMS long-range missiles to strike deep inside Russia, two US officials said on Sunday. The first strikes are expected in the Kursk region.',
});

async function pollTwice(core: Core): Promise<unknown[]> {
  await runCommand('/brief subscribe alerts us', { core, channel: { platform: 'slack', workspace: 'T1', channel: 'C1' }, user: { id: 'U1', isAdmin: true } });
  const source = new ScriptedFeedSource();
  core.feeds.add(URL_A);
  const poller = new FeedPoller(core.feeds, source, silentLogger(), 2);
  source.items(URL_A, 'World', corpusItems());
  const first = await poller.cycle();
  // The second poll: a long decision story and the corpus again, so it is sent to the workers too.
  source.items(URL_A, 'World', [{ ...decision, text: `${decision.text}\n\n${corpusItems()[0]!.text}` }, ...corpusItems()]);
  const second = await poller.cycle();
  return [first, second];
}

describe('preparing a feed poll off the main thread', () => {
  it('stores the same articles, stories, topics, claims and alerts as a poll prepared on the main thread', async () => {
    const clock = () => new ManualClock('2024-11-18T12:00:00Z');
    const errors: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void errors.push(line) });
    const workers = tempCore({ clock: clock(), logger, prepareOffThreadFromChars: 0 });
    const here = tempCore({ clock: clock(), prepareOffThreadFromChars: Infinity });
    temps.push(workers, here);
    const reports = await pollTwice(workers.core);
    expect(reports).toEqual(await pollTwice(here.core));
    expect(reports[0]).toMatchObject([{ firstPoll: true, counts: { new: 5 } }]);
    expect(reports[1]).toMatchObject([{ firstPoll: false, counts: { new: 1, unchanged: 5 } }]);
    expect(storedTables(workers.core)).toEqual(storedTables(here.core));
    const alerts = (core: Core) => core.delivery.outbox.list().filter((queued) => queued.kind === 'alert').map((queued) => queued.reply);
    expect(alerts(workers.core)).toHaveLength(1);
    expect(alerts(workers.core)).toEqual(alerts(here.core));
    // Had the workers failed, the polls would have been prepared here after all (and said so).
    expect(errors).toEqual([]);
  });

  it('keeps storing polls on the main thread when the workers fail, and says so once', async () => {
    const lines: { level: number; msg: string }[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const temp = tempCore({ logger, prepareOffThreadFromChars: 0 });
    temps.push(temp);
    temp.core.ingestor.addStage({ name: 'broken', prepare: { module: new URL('./support/brokenPreparation.ts', import.meta.url).href, options: null }, run: () => ({}) });
    temp.core.feeds.add(URL_A);
    const source = new ScriptedFeedSource();
    const poller = new FeedPoller(temp.core.feeds, source, silentLogger(), 2);
    source.items(URL_A, 'World', [item(1), item(2)]);
    const [first] = (await poller.cycle())!;
    source.items(URL_A, 'World', [item(3), item(1), item(2)]);
    const [second] = (await poller.cycle())!;
    expect(first!.counts).toMatchObject({ new: 2, failed: 0 });
    expect(second!.counts).toMatchObject({ new: 1, unchanged: 2, failed: 0 });
    expect(temp.core.articles.count()).toBe(3);
    expect(lines.filter((line) => line.level >= 50).map((line) => line.msg)).toEqual(['ingest workers failed: feed items are prepared on the main thread from now on']);
  });

  it('lets the event loop turn while a poll of full articles is prepared, and keeps a small poll on the main thread', async () => {
    const temp = tempCore();
    temps.push(temp);
    const added = temp.core.feeds.add(URL_A);
    if (!added.ok) throw new Error(added.error.message);
    const fetched = (items: FeedItem[]) => ({ ok: true as const, value: { kind: 'fetched' as const, feed: { title: 'World', link: null, items }, etag: null, lastModified: null, bytes: 0 } });
    // Turns of the event loop while one poll is recorded: prepared here, only the one its store waits for (TurnQueue).
    const turnsWhile = async (work: Promise<unknown>): Promise<number> => {
      let turns = 0;
      let done = false;
      const spin = () => { if (!done) { turns++; setImmediate(spin); } };
      setImmediate(spin);
      await work;
      done = true;
      return turns;
    };
    expect(await turnsWhile(temp.core.feeds.record(added.value.feed, fetched([item(1), item(2)])))).toBe(1);
    expect(await turnsWhile(temp.core.feeds.record(temp.core.feeds.find(URL_A)!, fetched(corpusItems())))).toBeGreaterThan(10);
    expect(temp.core.articles.count()).toBe(7);
  });

  it('leaves out a feed removed while its items were being prepared', async () => {
    const temp = tempCore({ prepareOffThreadFromChars: 0 });
    temps.push(temp);
    const added = temp.core.feeds.add(URL_A);
    if (!added.ok) throw new Error(added.error.message);
    const outcome = { ok: true as const, value: { kind: 'fetched' as const, feed: { title: 'World', link: null, items: corpusItems() }, etag: null, lastModified: null, bytes: 0 } };
    const recording = temp.core.feeds.record(added.value.feed, outcome);
    expect(temp.core.feeds.remove(URL_A).ok).toBe(true);
    expect(await recording).toBeUndefined();
    expect(temp.core.articles.count()).toBe(0);
  });
});
