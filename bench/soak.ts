/**
 * `npm run soak -- --minutes N` (default 5): polls loopback feeds whose content changes every
 * cycle while asks and digests run, samples RSS and heap every 10 s, and fails when memory
 * keeps growing after warm-up or when anything is logged at error level. Not part of npm test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import { join } from 'node:path';
import { pino } from 'pino';
import { localContext } from '../src/core/commands/context.ts';
import { runCommand } from '../src/core/commands/runCommand.ts';
import { readCorpus, seedCorpus } from '../src/core/corpus/seedCorpus.ts';
import { createCore } from '../src/core/core.ts';
import { FeedPoller } from '../src/feeds/feedPoller.ts';
import { DEFAULT_FETCH_LIMITS } from '../src/feeds/fetchLimits.ts';
import { guardedAgent } from '../src/feeds/guardedAgent.ts';
import { httpFeedSource } from '../src/feeds/httpFeedSource.ts';
import { loopbackServer, rss } from '../tests/feeds/support/loopbackServer.ts';
import { MemoryPeak } from './memory.ts';

const argv = process.argv.slice(2);
const minutesFlag = argv.indexOf('--minutes');
const minutes = (minutesFlag >= 0 ? Number(argv[minutesFlag + 1]) : 5) || 5;
const FEEDS = 40;
const SAMPLE_MS = 10_000;
const QUESTIONS = [
  'Did the US allow ATACMS strikes inside Russia?',
  'What did Biden say about lifting the restrictions?',
  'How far can ATACMS reach?',
  'Who urged Biden to ease the restrictions?',
  'What is the latest on Storm Shadow?',
];

let errors = 0;
const logger = pino({ level: 'warn', hooks: { logMethod(args, method, level) { if (level >= 50) errors++; method.apply(this, args); } } }, pino.destination(2));

let round = 0;
// Every fourth feed carries full articles (the bundled corpus), so its polls are prepared in the ingest workers.
const FULL_TEXT_EVERY = 4;
const fullTexts = readCorpus().articles.map((article) => article.text);
const story = (feed: number, n: number) => {
  const lead = `Officials in Kyiv said on day ${n} that Ukraine used ATACMS against Russian positions near sector ${feed}, while Washington weighed further steps on long-range strikes.`;
  return feed % FULL_TEXT_EVERY === 0 ? `${lead}\n\n${fullTexts[n % fullTexts.length]}` : lead;
};
const routes = Object.fromEntries(
  Array.from({ length: FEEDS }, (_, feed) => [
    `/feed/${feed}.xml`,
    (_req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
      // A rolling window of 15 items: each round adds one and drops the oldest.
      const items = Array.from({ length: 15 }, (_, i) => round + i).map((n) => ({ guid: `s${feed}-${n}`, title: `Sector ${feed} report ${n}`, link: `https://soak.example/${feed}/${n}`, description: story(feed, n) }));
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(`Soak feed ${feed}`, items));
    },
  ]),
);

const server = await loopbackServer(routes);
const dir = mkdtempSync(join(tmpdir(), 'newsbrief-soak-'));
const core = createCore({ dbPath: join(dir, 'soak.db'), logger });
seedCorpus(core);
for (let feed = 0; feed < FEEDS; feed++) core.feeds.add(`${server.origin}/feed/${feed}.xml`);
const source = httpFeedSource(guardedAgent({ allowHosts: ['127.0.0.1'], connectTimeoutMs: 10_000 }), DEFAULT_FETCH_LIMITS, core.clock);
const poller = new FeedPoller(core.feeds, source, logger, 8);
const context = localContext(core, 'soak');

// Samples are taken after a full GC (npm run soak passes --expose-gc): what stays, not garbage.
// The peaks between samples (garbage included) come from MemoryPeak, as in every bench suite.
const peak = new MemoryPeak();
const samples: { s: number; rssMb: number; heapMb: number; articles: number }[] = [];
const started = Date.now();
const sample = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const taken = { s: Math.round((Date.now() - started) / 1000), rssMb: Math.round(m.rss / 1048576), heapMb: Math.round(m.heapUsed / 1048576), articles: core.articles.count() };
  samples.push(taken);
  console.error(`soak t=${taken.s}s rss=${taken.rssMb}MB heap=${taken.heapMb}MB articles=${taken.articles}`);
};
const sampler = setInterval(sample, SAMPLE_MS);
// How long the event loop was held: what a chat command arriving mid-cycle would wait (an ask itself takes ~50 ms).
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
sample();

let cycles = 0;
try {
  while (Date.now() - started < minutes * 60_000) {
    round++;
    // Feeds are due on their own schedule; the soak makes every feed due each cycle.
    core.db.prepare('UPDATE feeds SET next_poll_at = NULL').run();
    await poller.cycle();
    // Each command in a turn of its own, as chat requests arrive: loopMaxMs is then the longest single hold.
    for (const question of QUESTIONS) {
      await setImmediatePromise();
      await runCommand({ name: 'ask', question }, context);
    }
    await setImmediatePromise();
    await runCommand({ name: 'digest', window: 'today' }, context);
    cycles++;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
} finally {
  clearInterval(sampler);
  loop.disable();
  sample();
  await server.close();
  core.close();
  rmSync(dir, { recursive: true, force: true });
}

// After warm-up (the first third), memory must level off: compare the last third to the middle.
const third = Math.max(1, Math.floor(samples.length / 3));
const max = (xs: number[]) => Math.max(...xs);
const middle = samples.slice(third, 2 * third);
const last = samples.slice(2 * third);
const growth = (key: 'rssMb' | 'heapMb') => (middle.length && last.length ? (max(last.map((x) => x[key])) - max(middle.map((x) => x[key]))) / max(middle.map((x) => x[key])) : 0);
// The trend after warm-up (least squares, MB per minute), reported beside the pass/fail rule.
const slope = (key: 'rssMb' | 'heapMb') => {
  const xs = samples.slice(third);
  if (xs.length < 2) return 0;
  const mx = xs.reduce((a, x) => a + x.s, 0) / xs.length;
  const my = xs.reduce((a, x) => a + x[key], 0) / xs.length;
  const num = xs.reduce((a, x) => a + (x.s - mx) * (x[key] - my), 0);
  const den = xs.reduce((a, x) => a + (x.s - mx) ** 2, 0);
  return den === 0 ? 0 : +((num / den) * 60).toFixed(2);
};
const result = {
  minutes, cycles, errors, samples,
  rssGrowthAfterWarmup: +growth('rssMb').toFixed(3), heapGrowthAfterWarmup: +growth('heapMb').toFixed(3),
  rssMbPerMinAfterWarmup: slope('rssMb'), heapMbPerMinAfterWarmup: slope('heapMb'),
  loopMaxMs: +(loop.max / 1e6).toFixed(1), loopP99Ms: +(loop.percentile(99) / 1e6).toFixed(1),
  ...peak.stop(),
};
const flat = result.rssGrowthAfterWarmup <= 0.15 && result.heapGrowthAfterWarmup <= 0.25;
console.log(JSON.stringify({ ...result, ok: flat && errors === 0 }, null, 2));
process.exit(flat && errors === 0 ? 0 : 1);
