import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src/core/core.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { parseFeedFile } from '../../src/feeds/feedFile.ts';
import { FeedPoller } from '../../src/feeds/feedPoller.ts';
import { DEFAULT_FETCH_LIMITS } from '../../src/feeds/fetchLimits.ts';
import { guardedAgent } from '../../src/feeds/guardedAgent.ts';
import { httpFeedSource } from '../../src/feeds/httpFeedSource.ts';
import { loopbackServer, rss } from '../../tests/feeds/support/loopbackServer.ts';
import type { Suite } from './index.ts';

const FEEDS_DIR = new URL('../../../shared/fixtures/feeds/', import.meta.url).pathname;
const FEED_COUNT = 200;
const ITEMS_PER_FEED = 20;

/** Parsing the 105 real-world fixture feeds: throughput in MB/s and feeds/s. */
async function parseFixtures(): Promise<Record<string, number>> {
  const inventory = JSON.parse(readFileSync(join(FEEDS_DIR, 'feed_inventory.json'), 'utf8')) as { path: string; bytes: number }[];
  const bytes = inventory.reduce((sum, e) => sum + e.bytes, 0);
  const started = performance.now();
  let items = 0;
  for (const entry of inventory) {
    const parsed = await parseFeedFile(join(FEEDS_DIR, entry.path), 64 * 1024 * 1024);
    if (parsed.ok) items += parsed.value.items.length;
  }
  const seconds = (performance.now() - started) / 1000;
  return { fixtureFeeds: inventory.length, fixtureItems: items, parseMbPerSec: +(bytes / 1048576 / seconds).toFixed(2), parseFeedsPerSec: +(inventory.length / seconds).toFixed(1) };
}

const itemText = (feed: number, n: number) =>
  `Feed ${feed} report ${n}: officials in region ${feed % 17} said on Tuesday that repair crews restored power to ${n * 13 + feed} homes after overnight strikes, while talks on air defence deliveries continued in capital ${feed % 11}.`;

/**
 * Poll cycles against FEED_COUNT loopback feeds: the first poll (everything new, stored
 * quietly), a second poll answered 304 (no parse), and a third with one new item per feed.
 */
async function pollCycles(): Promise<Record<string, number>> {
  let round = 0;
  const routes = Object.fromEntries(
    Array.from({ length: FEED_COUNT }, (_, feed) => [
      `/feed/${feed}.xml`,
      (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
        const etag = `"r${round}"`;
        if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
        const count = ITEMS_PER_FEED + (round >= 2 ? 1 : 0);
        const items = Array.from({ length: count }, (_, n) => ({ guid: `f${feed}-i${n}`, title: `Feed ${feed} item ${n}`, link: `https://example.org/${feed}/${n}`, description: itemText(feed, n) }));
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(rss(`Bench feed ${feed}`, items));
      },
    ]),
  );
  const server = await loopbackServer(routes);
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-feeds-'));
  const core = createCore({ dbPath: join(dir, 'feeds.db') });
  try {
    for (let feed = 0; feed < FEED_COUNT; feed++) core.feeds.add(`${server.origin}/feed/${feed}.xml`);
    const source = httpFeedSource(guardedAgent({ allowHosts: ['127.0.0.1'], connectTimeoutMs: 10_000 }), { ...DEFAULT_FETCH_LIMITS, deadlineMs: 60_000 }, core.clock);
    // All feeds share one host here, so per-host politeness serialises them: the worst case.
    const poller = new FeedPoller(core.feeds, source, silentLogger(), 8);
    const timed = async () => {
      const started = performance.now();
      const reports = (await poller.cycle()) ?? [];
      return { ms: performance.now() - started, newItems: reports.reduce((s, r) => s + r.counts.new, 0) };
    };
    const first = await timed();
    round = 1;
    const notModified = await timed();
    round = 2;
    const oneNew = await timed();
    return {
      feeds: FEED_COUNT,
      firstPollMs: Math.round(first.ms),
      firstPollItemsPerSec: Math.round(first.newItems / (first.ms / 1000)),
      notModifiedPollMs: Math.round(notModified.ms),
      oneNewItemPollMs: Math.round(oneNew.ms),
      newItemsOnThirdPoll: oneNew.newItems,
      articlesStored: core.articles.count(),
    };
  } finally {
    core.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run bench -- feeds`: parse throughput on real feeds, and poll cycles over loopback. */
export const feeds: Suite = async () => ({ ...(await parseFixtures()), ...(await pollCycles()) });
