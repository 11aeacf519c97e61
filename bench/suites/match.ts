/**
 * `npm run bench -- match [--json] [--topics=10000] [--items=20000] [--naive-items=1000]`
 *
 * The percolator against its two bounds, in one run on the same items:
 * - naive: every topic's query evaluated on every item (evaluate.ts, the reference);
 * - floor: the bare tokenizer, since matching cannot be cheaper than reading the text once.
 * Checks that index and naive agree on every item both saw. The naive pass runs on the first
 * `naive-items` items only (10,000 topics × 20,000 items would take minutes); its rate is
 * still items per second. The tokenizer and the index are timed in turns (ratesInTurns), so
 * limitRatio compares two rates taken under the same load.
 */
import type { BenchOptions } from '../run.ts';
import { evaluate, plainDoc } from '../../src/core/topics/evaluate.ts';
import type { QueryNode } from '../../src/core/topics/queryAst.ts';
import { parseQuery } from '../../src/core/topics/queryParser.ts';
import { TopicIndex } from '../../src/core/topics/topicIndex.ts';
import { tokenizeFields } from '../../src/core/topics/tokenize.ts';
import { MemoryPeak } from '../memory.ts';
import { benchItems, benchTopics, type BenchItem } from './matchWorkload.ts';

const flag = (args: readonly string[], name: string, fallback: number): number => {
  const found = args.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.slice(name.length + 3)) : fallback;
};

const fieldsOf = (item: BenchItem) => [item.title, item.summary, item.content];
/**
 * Turns of the tokenizer and the index, each rate the best of its turns (ratesInTurns). Five:
 * with three, a slow spell of the shared host that covered two of one pass's turns moved
 * limitRatio by 0.1 between runs of the same code.
 */
const TURNS = 5;

/** CPU time (user + system) of `work`, in ms. */
function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Items per second of this process's CPU time (user + system), best of `runs`. The machine is
 * shared by several engineers: wall time there measures their load as much as ours, CPU time
 * measures the work. (On a quiet machine the two agree within a few percent.)
 */
function rate(items: number, runs: number, work: () => void): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) best = Math.min(best, cpuMs(work));
  return Math.round((items / best) * 1000);
}

/**
 * The rates of several passes, measured in turns (a, b, a, b, …) and each the best of its
 * turns: a ratio of two rates taken minutes apart on a shared machine measured the
 * neighbours' load as much as the code; taken in turns, both see the same conditions.
 */
function ratesInTurns(items: number, turns: number, passes: readonly (() => void)[]): number[] {
  const best = passes.map(() => Infinity);
  for (let turn = 0; turn < turns; turn++) passes.forEach((pass, i) => (best[i] = Math.min(best[i]!, cpuMs(pass))));
  return best.map((ms) => Math.round((items / ms) * 1000));
}

function buildIndex(queries: readonly { id: string; node: QueryNode }[]): TopicIndex<string> {
  const index = new TopicIndex<string>();
  for (const { id, node } of queries) index.add(id, node);
  return index;
}

export async function run(options: BenchOptions): Promise<Record<string, unknown>> {
  const topicCount = flag(options.args, 'topics', 10_000);
  const itemCount = flag(options.args, 'items', 20_000);
  const naiveCount = Math.min(itemCount, flag(options.args, 'naive-items', 1000));
  const memory = new MemoryPeak();
  const { items, source } = benchItems(itemCount);
  const parsed = benchTopics(topicCount, items).map(({ id, query }) => ({ id, result: parseQuery(query) }));
  const queries = parsed.flatMap(({ id, result }) => (result.ok ? [{ id, node: result.value }] : []));

  for (const item of items) tokenizeFields(fieldsOf(item)); // warm the lexicon and the JIT

  const buildStart = performance.now();
  const index = buildIndex(queries);
  const indexBuildMs = Math.round(performance.now() - buildStart);
  // Warm-up, as for the tokenizer above: the JIT, and the index's first look at how often its
  // words occur (it re-files topics under their rarest anchors after 2,000 and 8,000 items).
  // The rates below are the steady state a running bot sees; the warm-up is reported apart.
  const warmStart = performance.now();
  for (const item of items) index.match(tokenizeFields(fieldsOf(item)));
  const indexWarmupMs = Math.round(performance.now() - warmStart);
  memory.sample();
  const heapMb = Math.round(process.memoryUsage().heapUsed / 1e5) / 10;
  // Only the items the naive pass also sees are kept: holding 20,000 result arrays would
  // charge the garbage collector's work to matching.
  const indexed: string[][] = [];
  const [tokenizeItemsPerSec, itemsPerSec] = ratesInTurns(items.length, TURNS, [
    () => {
      for (const item of items) tokenizeFields(fieldsOf(item));
    },
    () => {
      indexed.length = 0;
      for (let i = 0; i < items.length; i++) {
        const matched = index.match(tokenizeFields(fieldsOf(items[i]!)));
        if (i < naiveCount) indexed.push(matched);
      }
    },
  ]) as [number, number];

  const small = buildIndex(queries.slice(0, 10));
  const itemsPerSecAt10Topics = rate(items.length, 2, () => {
    for (const item of items) small.match(tokenizeFields(fieldsOf(item)));
  });

  const naive: string[][] = [];
  const naiveItemsPerSec = rate(naiveCount, 1, () => {
    for (const item of items.slice(0, naiveCount)) {
      const doc = plainDoc(tokenizeFields(fieldsOf(item)));
      naive.push(queries.filter((q) => evaluate(q.node, doc)).map((q) => q.id));
    }
  });
  const mismatches = naive.filter((ids, i) => ids.join() !== indexed[i]!.join()).length;
  const matches = indexed.reduce((sum, ids) => sum + ids.length, 0);

  return {
    topics: queries.length,
    items: items.length,
    itemsPerSec,
    naiveItemsPerSec,
    speedup: Math.round((itemsPerSec / naiveItemsPerSec) * 10) / 10,
    tokenizeItemsPerSec,
    limitRatio: Math.round((itemsPerSec / tokenizeItemsPerSec) * 100) / 100,
    heapMb,
    itemsPerSecAt10Topics,
    identical: mismatches === 0,
    naiveItems: naiveCount,
    mismatchedItems: mismatches,
    matchesPerItem: Math.round((matches / indexed.length) * 10) / 10,
    refusedTopics: parsed.length - queries.length,
    avgItemBytes: Math.round(items.reduce((sum, item) => sum + fieldsOf(item).join(' ').length, 0) / items.length),
    indexBuildMs,
    indexWarmupMs,
    text: source,
    ...memory.stop(),
  };
}
