/**
 * `npm run bench -- digest [--json] [--articles N]` (default 100,000 articles).
 *
 * A week's digest for one channel that follows 20 topics of its own, over the whole corpus
 * (dates over two years, bench/corpusGenerator.ts): `core.delivery.digests.build(week, channel)`
 * — the channel's topic matches in the window, grouping into stories, ranking, summaries.
 * The channel's topics exist before any article is stored, and the topic and story stages run
 * on every stored article as ingest runs them, so `article_topics` and `articles.story_id` hold
 * what real ingest would have recorded (bench/benchCorpus.ts; the policy stage is not run on
 * the generated articles). The database is cached in the temp dir per size.
 *
 * Also, on a small throwaway database: the scheduler deciding 1,000 channels' digests and the
 * outbox sender's bookkeeping rate through a port that answers at once.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelRef } from '../../src/core/commands/command.ts';
import { createCore, type Core } from '../../src/core/core.ts';
import { seedCorpus } from '../../src/core/corpus/seedCorpus.ts';
import type { DeliveryPort } from '../../src/core/delivery/deliveryPort.ts';
import { digestReply } from '../../src/core/digest/digestReply.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { OutboxSender } from '../../src/core/outbox/outboxSender.ts';
import { storyStage } from '../../src/core/stories/storyStage.ts';
import { StoryStore } from '../../src/core/stories/storyStore.ts';
import { buildCorpus } from '../benchCorpus.ts';
import { percentile } from '../measure.ts';
import { MemoryPeak } from '../memory.ts';
import type { Suite } from './index.ts';

/** Bump when the stored shape or the channel's topics change, so a stale cache is rebuilt. */
const CACHE_VERSION = 3; // 2: built by the code after migrations 008–009 (no sentences_fts, no story_bands); 3: 012 (sentences as places)
const ROUNDS = 7;

export const BENCH_CHANNEL: ChannelRef = { platform: 'slack', workspace: 'TBENCH', channel: 'CDIGEST' };

/**
 * What a newsroom channel might follow, in the vocabulary of the AG News text the corpus is made
 * of. Narrow on purpose: a generated article is 8–25 sentences drawn from all of AG News, so
 * broad terms (Microsoft, Iraq) would put nearly every article in the digest; these hold about
 * a third of the corpus, so the topics decide what the digest holds.
 */
export const CHANNEL_TOPICS: readonly { id: string; query: string }[] = [
  { id: 'opec', query: '"oil prices" AND OPEC' },
  { id: 'fallujah', query: 'Fallujah AND insurgents' },
  { id: 'us-election', query: 'Kerry AND (poll* OR "swing states")' },
  { id: 'linux', query: 'Microsoft AND Linux' },
  { id: 'google', query: 'Google AND (IPO OR shares)' },
  { id: 'space-station', query: '"space station" OR (NASA AND Mars)' },
  { id: 'nasdaq', query: 'Nasdaq AND "Dow Jones"' },
  { id: 'red-sox', query: '"Red Sox" AND Yankees' },
  { id: 'nfl', query: 'quarterback AND touchdown*' },
  { id: 'athens', query: '"gold medal" AND Athens' },
  { id: 'gaza', query: '"Gaza Strip" -football' },
  { id: 'iran-nuclear', query: 'Iran AND uranium' },
  { id: 'taiwan', query: 'Beijing AND Taiwan' },
  { id: 'aircraft', query: 'Boeing AND Airbus' },
  { id: 'spyware', query: 'phishing OR spyware' },
  { id: 'takeovers', query: '"hostile takeover" OR "merger talks"' },
  { id: 'climate', query: '"global warming"' },
  { id: 'drug-approval', query: 'FDA' },
  { id: 'darfur', query: '(Sudan OR Darfur) AND "African Union"' },
  { id: 'yukos', query: 'Putin AND Yukos' },
];

/** The channel's own 20 topics, and nothing else (its first add copies the defaults in). */
function followTopics(core: Core): void {
  for (const topic of CHANNEL_TOPICS) {
    const added = core.topics.add(BENCH_CHANNEL, topic.id, topic.query);
    if (!added.ok) throw new Error(`bench topic ${topic.id}: ${added.error.message}`);
  }
  const own = new Set(CHANNEL_TOPICS.map((t) => t.id));
  for (const topic of core.topics.forChannel(BENCH_CHANNEL).topics) if (!own.has(topic.topic)) core.topics.remove(BENCH_CHANNEL, topic.topic);
}

const round1 = (ms: number) => Number(ms.toFixed(1));

/** The last full week the generated corpus covers (its dates run 2023-01-01 → 2024-12-31). */
const WEEK = { since: '2024-12-23T00:00:00.000Z', until: '2024-12-30T00:00:00.000Z' };

async function weeklyDigest(count: number): Promise<Record<string, unknown>> {
  const path = join(tmpdir(), `newsbrief-bench-digest-${count}-v${CACHE_VERSION}.db`);
  let built = false;
  if (!existsSync(path)) {
    console.error(`bench digest: building a ${count}-article corpus with a 20-topic channel at ${path} (cached for later runs)…`);
    const started = performance.now();
    buildCorpus(path, count, { prepare: followTopics, stages: (core) => [storyStage(new StoryStore(core.db), core.clock), core.topics.stage] });
    console.error(`bench digest: built in ${Math.round((performance.now() - started) / 1000)} s`);
    built = true;
  }
  const memory = new MemoryPeak();
  const core = createCore({ dbPath: path, logger: silentLogger() });
  try {
    const topics = core.topics.forChannel(BENCH_CHANNEL);
    if (topics.source !== 'channel' || topics.topics.length !== CHANNEL_TOPICS.length) throw new Error('bench digest: the cached database lacks the channel topics; delete it');
    const inWeek = core.db
      .prepare('SELECT count(*) FROM articles WHERE COALESCE(published_at, fetched_at) >= ? AND COALESCE(published_at, fetched_at) < ?')
      .pluck()
      .get(WEEK.since, WEEK.until) as number;
    let started = performance.now();
    const first = core.delivery.digests.build(WEEK, BENCH_CHANNEL);
    const coldMs = performance.now() - started;
    memory.sample();
    const times: number[] = [];
    // CPU time beside wall time: the build is synchronous, so on a shared machine its CPU time is its cost.
    const cpuTimes: number[] = [];
    let renderMs = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const cpu = process.cpuUsage();
      started = performance.now();
      const digest = core.delivery.digests.build(WEEK, BENCH_CHANNEL);
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
      memory.sample();
      started = performance.now();
      digestReply(digest, core.delivery.digests.signals(WEEK));
      renderMs = performance.now() - started;
    }
    return {
      articles: core.articles.count(),
      channelTopics: topics.topics.length,
      week: `${WEEK.since.slice(0, 10)} → ${WEEK.until.slice(0, 10)}`,
      articlesInWeek: inWeek,
      digestArticles: first.counts.articles,
      digestStories: first.counts.stories,
      ms: percentile(times, 50),
      p95Ms: percentile(times, 95),
      cpuMs: percentile(cpuTimes, 50),
      coldMs: round1(coldMs),
      replyMs: round1(renderMs),
      corpusBuiltThisRun: built,
      ...memory.stop(),
    };
  } finally {
    core.close();
  }
}

/** The scheduler over 1,000 subscribed channels and the outbox sender's own overhead. */
async function delivery(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-delivery-'));
  const clock = new ManualClock('2024-09-15T06:00:00Z');
  const core = createCore({ dbPath: join(dir, 'delivery.db'), clock, logger: silentLogger() });
  try {
    seedCorpus(core);
    const channels = 1_000;
    for (let i = 0; i < channels; i++) {
      const channel: ChannelRef = { platform: 'web', workspace: 'local', channel: `c${i}` };
      core.delivery.subscriptions.setDigest(channel, '08:00', i % 2 ? 'Europe/Kyiv' : 'America/New_York', '2024-09-01T00:00:00Z', '2024-09-01T00:00:00Z');
    }
    clock.set('2024-09-15T13:00:00Z'); // after 08:00 in both zones
    let started = performance.now();
    const due = core.delivery.scheduler.runDue();
    const schedulerMs = performance.now() - started;
    const port: DeliveryPort = { platform: 'web', send: async () => ({ ok: true, messageIds: ['m'] }), edit: async () => ({ ok: true, messageIds: ['m'] }) };
    core.delivery.ports.register(port);
    const sender = new OutboxSender(core.delivery.outbox, core.delivery.ports, clock, silentLogger(), { pacingMs: { slack: 0, discord: 0, web: 0, cli: 0 } });
    started = performance.now();
    while (core.delivery.outbox.counts().pending > 0) await sender.runOnce();
    const sendMs = performance.now() - started;
    const sent = core.delivery.outbox.counts().sent;
    return { digestsQueued: due.queued.length, schedulerMsPer1000Channels: round1(schedulerMs), outboxItemsSent: sent, senderItemsPerSec: Math.round((sent / sendMs) * 1000) };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const digest: Suite = async ({ articles }) => ({ ...(await weeklyDigest(articles)), ...(await delivery()) });
