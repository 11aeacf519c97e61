/**
 * `npm run bench -- feeds [--json]`: one poll cycle over 500 local feeds, as `start` runs it.
 *
 * The feeds are served by bench/feedFarm.ts from a separate process on 330 loopback hosts
 * (127.0.x.y: 5 publishers with 20 feeds, 25 sites with 4, 300 with one), each host answering
 * after its own delay of 20–150 ms like a remote site; sizes are mixed (60% 10 short items,
 * 30% 25 medium, 10% 50 full-text), one in three feeds uses Last-Modified instead of an ETag.
 * The poller, fetch source and limits are the production ones (createFeedSource from config
 * defaults: per host 1, FEEDS_MAX_CONCURRENCY overall).
 *  - cold: the first poll of every feed (all items new, stored quietly), reported apart;
 *  - cycle: the steady state — 70% of feeds have 1–4 new items, 30% answer 304. Three cycles,
 *    the median reported; the concurrency is what the servers counted in flight per Host.
 * Also the parse rate of the real-world fixture feeds in ../shared/fixtures/feeds.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema } from '../../src/core/config/config.ts';
import { createCore } from '../../src/core/core.ts';
import type { FeedRegistry, PollReport } from '../../src/core/feedRegistry/feedRegistry.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { parseFeedFile } from '../../src/feeds/feedFile.ts';
import { FeedPoller, summarise } from '../../src/feeds/feedPoller.ts';
import { createFeedSource } from '../../src/feeds/installFeedSource.ts';
import { startFeedFarm, type FarmStats } from '../feedFarm.ts';
import { MemoryPeak } from '../memory.ts';
import type { Suite } from './index.ts';

const FEEDS_DIR = new URL('../../../shared/fixtures/feeds/', import.meta.url).pathname;
const HOSTS = [[5, 20], [25, 4], [300, 1]] as const;
const CHANGED_SHARE = 0.7;
const STEADY_CYCLES = 3;

/** Parsing the real-world fixture feeds: throughput in MB/s and feeds/s. */
async function parseFixtures(): Promise<Record<string, number>> {
  const inventoryFile = join(FEEDS_DIR, 'feed_inventory.json');
  if (!existsSync(inventoryFile)) return {};
  const inventory = JSON.parse(readFileSync(inventoryFile, 'utf8')) as { path: string; bytes: number }[];
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

interface CycleFigures {
  seconds: number;
  /** Main-thread CPU of the cycle (parse + ingest + SQL + HTTP client), and the part spent recording outcomes. */
  cpuSeconds: number;
  recordSeconds: number;
  feeds: number;
  notModified: number;
  failed: number;
  newItems: number;
  server: FarmStats;
}

export const feeds: Suite = async () => {
  const memory = new MemoryPeak();
  const fixtures = await parseFixtures();
  const farm = await startFeedFarm({ hosts: HOSTS, delayMs: [20, 150], cycles: STEADY_CYCLES + 2, startedAt: new Date(Date.now() - 3_600_000).toISOString() });
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-feeds-'));
  const core = createCore({ dbPath: join(dir, 'feeds.db'), logger: silentLogger() });
  try {
    for (const feed of farm.feeds) core.feeds.add(feed.url);
    const maxConcurrency = configSchema.shape.FEEDS_MAX_CONCURRENCY.parse(undefined);
    const allowHosts = [...new Set(farm.feeds.map((f) => new URL(f.url).hostname))];
    const source = createFeedSource(
      { FEEDS_ALLOW_HOSTS: allowHosts, FEEDS_TIMEOUT_MS: configSchema.shape.FEEDS_TIMEOUT_MS.parse(undefined), FEEDS_MAX_BYTES: configSchema.shape.FEEDS_MAX_BYTES.parse(undefined) },
      core,
    );
    // The registry as the poller sees it, timing what recording an outcome costs (synchronous SQL + ingest).
    let recordMs = 0;
    const registry = {
      due: () => core.feeds.due(),
      record: (...args: Parameters<FeedRegistry['record']>) => {
        const started = performance.now();
        try {
          return core.feeds.record(...args);
        } finally {
          recordMs += performance.now() - started;
        }
      },
    } as unknown as FeedRegistry;
    const poller = new FeedPoller(registry, source, silentLogger(), maxConcurrency);

    const timed = async (): Promise<CycleFigures> => {
      recordMs = 0;
      const cpu = process.cpuUsage();
      const started = performance.now();
      const reports: PollReport[] = (await poller.cycle()) ?? [];
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const summary = summarise(reports);
      return {
        seconds: +seconds.toFixed(2),
        cpuSeconds: +((used.user + used.system) / 1e6).toFixed(2),
        recordSeconds: +(recordMs / 1000).toFixed(2),
        feeds: summary.feeds,
        notModified: reports.filter((r) => r.notModified).length,
        failed: summary.failed,
        newItems: summary.newArticles,
        server: await farm.stats(),
      };
    };

    const cold = await timed();
    const steady: CycleFigures[] = [];
    for (let i = 0; i < STEADY_CYCLES; i++) {
      await farm.change(CHANGED_SHARE);
      steady.push(await timed());
    }
    const median = [...steady].sort((a, b) => a.seconds - b.seconds)[Math.floor(steady.length / 2)]!;
    const maxPerHost = Math.max(cold.server.maxPerHost, ...steady.map((c) => c.server.maxPerHost));
    const maxOverall = Math.max(cold.server.maxOverall, ...steady.map((c) => c.server.maxOverall));
    const failures = cold.failed + steady.reduce((s, c) => s + c.failed, 0);
    return {
      feeds: median.feeds,
      hosts: farm.hosts,
      seconds: median.seconds,
      feedsPerSec: +(median.feeds / median.seconds).toFixed(1),
      notModified: median.notModified,
      newItems: median.newItems,
      cpuSeconds: median.cpuSeconds,
      recordSeconds: median.recordSeconds,
      // What the servers' delays alone cost at the overall limit: the cycle's floor if CPU were free.
      latencyFloorSeconds: +(median.server.delayMs / maxConcurrency / 1000).toFixed(2),
      cycleSeconds: steady.map((c) => c.seconds).join(' / '),
      maxPerHostConcurrency: maxPerHost,
      perHostLimit: 1,
      maxOverallConcurrency: maxOverall,
      overallLimit: maxConcurrency,
      limitsHeld: maxPerHost <= 1 && maxOverall <= maxConcurrency,
      failedPolls: failures,
      coldSeconds: cold.seconds,
      coldFeedsPerSec: +(cold.feeds / cold.seconds).toFixed(1),
      coldNewItems: cold.newItems,
      coldCpuSeconds: cold.cpuSeconds,
      coldRecordSeconds: cold.recordSeconds,
      coldMb: +(cold.server.bytes / 1048576).toFixed(1),
      articlesStored: core.articles.count(),
      ...fixtures,
      ...memory.stop(),
    };
  } finally {
    core.close();
    await farm.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
