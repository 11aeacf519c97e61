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
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { configSchema } from '../../src/core/config/config.ts';
import { readCorpus } from '../../src/core/corpus/seedCorpus.ts';
import { createCore } from '../../src/core/core.ts';
import type { FeedItem } from '../../src/core/feedRegistry/feedItem.ts';
import type { PollReport } from '../../src/core/feedRegistry/feedRegistry.ts';
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

/** An event-loop delay histogram, running: its first tick only sets its clock, so it gets one before the work. */
async function loopMonitor(): Promise<IntervalHistogram> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  await new Promise((resolve) => setTimeout(resolve, 20));
  return loop;
}

const STORY_ITEMS = 50;
const STORY_ROUNDS = 3;

/** A poll of STORY_ITEMS full articles on the tracked story: the bundled corpus, each copy told apart by a line of its own. */
function storyItems(round: number): FeedItem[] {
  const { articles } = readCorpus();
  return Array.from({ length: STORY_ITEMS }, (_, i) => {
    const article = articles[i % articles.length]!;
    const n = round * STORY_ITEMS + i;
    return { guid: `story-${n}`, title: `${article.title} (${n})`, link: `https://story.example/${n}`, text: `${article.text}\n\nUpdate ${n}: this copy was filed by desk ${n}.` };
  });
}

/**
 * Recording one fetched poll of 50 full articles on the story, with its items prepared in the
 * ingest workers (the default) and, as the baseline, on the main thread: the wall time and the
 * longest the event loop was held. In turns, each in a fresh database, the median of STORY_ROUNDS.
 */
async function storyPoll(): Promise<Record<string, number>> {
  const runs: Record<'offThread' | 'inline', { ms: number; loopMaxMs: number }[]> = { offThread: [], inline: [] };
  for (let round = 0; round < STORY_ROUNDS; round++) {
    for (const mode of ['offThread', 'inline'] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-story-'));
      const core = createCore({ dbPath: join(dir, 'story.db'), logger: silentLogger(), prepareOffThreadFromChars: mode === 'inline' ? Infinity : undefined });
      try {
        const added = core.feeds.add('https://story.example/feed.xml', 'bench');
        if (!added.ok) throw new Error(added.error.message);
        // The workers start before the measured poll, as they have in a bot that has polled once.
        await core.ingestor.prepare(storyItems(round + 100).slice(0, 5).map((item) => ({ title: item.title, text: item.text })));
        const outcome = { ok: true as const, value: { kind: 'fetched' as const, feed: { title: 'Story desk', link: null, items: storyItems(round) }, etag: null, lastModified: null, bytes: 0 } };
        const loop = await loopMonitor();
        const started = performance.now();
        const report = await core.feeds.record(added.value.feed, outcome);
        const ms = performance.now() - started;
        // The loop's timer records a hold when it fires late, so it must get a turn after the poll.
        await new Promise((resolve) => setTimeout(resolve, 20));
        loop.disable();
        if (report?.counts.new !== STORY_ITEMS) throw new Error(`story poll stored ${report?.counts.new} of ${STORY_ITEMS} items`);
        runs[mode].push({ ms, loopMaxMs: loop.max / 1e6 });
      } finally {
        core.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  const median = (values: number[]) => +[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!.toFixed(1);
  return {
    items: STORY_ITEMS,
    ms: median(runs.offThread.map((r) => r.ms)),
    loopMaxMs: median(runs.offThread.map((r) => r.loopMaxMs)),
    inlineMs: median(runs.inline.map((r) => r.ms)),
    inlineLoopMaxMs: median(runs.inline.map((r) => r.loopMaxMs)),
  };
}

interface CycleFigures {
  seconds: number;
  /** Main-thread CPU of the cycle (parse + ingest + SQL + HTTP client; the ingest workers' is not counted). */
  cpuSeconds: number;
  /** The longest the event loop was held (what a chat command arriving then would wait). */
  loopMaxMs: number;
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
    const poller = new FeedPoller(core.feeds, source, silentLogger(), maxConcurrency);

    const timed = async (): Promise<CycleFigures> => {
      const loop = await loopMonitor();
      const cpu = process.cpuUsage();
      const started = performance.now();
      const reports: PollReport[] = (await poller.cycle()) ?? [];
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      await new Promise((resolve) => setTimeout(resolve, 20));
      loop.disable();
      const summary = summarise(reports);
      return {
        seconds: +seconds.toFixed(2),
        cpuSeconds: +((used.user + used.system) / 1e6).toFixed(2),
        loopMaxMs: +(loop.max / 1e6).toFixed(1),
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
      loopMaxMs: median.loopMaxMs,
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
      coldLoopMaxMs: cold.loopMaxMs,
      coldMb: +(cold.server.bytes / 1048576).toFixed(1),
      articlesStored: core.articles.count(),
      storyPoll: await storyPoll(),
      ...fixtures,
      ...memory.stop(),
    };
  } finally {
    core.close();
    await farm.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
