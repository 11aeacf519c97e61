import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inOrder, MatchPool, type MatchFields } from '../../src/core/topics/matchPool.ts';
import { parseQuery } from '../../src/core/topics/queryParser.ts';
import { TopicIndex } from '../../src/core/topics/topicIndex.ts';
import { tokenizeFields } from '../../src/core/topics/tokenize.ts';

const QUERIES = [
  '(ATACMS OR "Storm Shadow" OR "long-range missiles") AND (Russia OR Kursk) -Crimea',
  'missile*',
  'Zelensky',
  '"strikes inside Russia"',
  'Biden allow*',
  'Kursk -Ukraine',
];
const WORDS = ['ATACMS', 'Storm', 'Shadow', 'long-range', 'missiles', 'Missile', 'Russia', 'Kursk', 'Crimea', 'Zélensky', 'strikes', 'inside', 'Biden', 'allowed', 'Ukraine', 'markets', 'rally'];

/** Deterministic items of words drawn from the vocabulary (a seeded LCG), so some topics match and some do not. */
function itemsOf(count: number): MatchFields[] {
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  return Array.from({ length: count }, (_, i) => [words(4), i % 3 === 0 ? undefined : words(6), words(1 + Math.floor(next() * 12))]);
}

function oneThread(items: readonly MatchFields[]): number[][] {
  const index = new TopicIndex<number>();
  QUERIES.forEach((query, position) => {
    const parsed = parseQuery(query);
    if (parsed.ok) index.add(position, parsed.value);
  });
  return items.map((fields) => index.match(tokenizeFields(fields)));
}

function* batches<T>(list: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < list.length; start += size) yield list.slice(start, start + size);
}

describe('matching a stream on every core (MatchPool)', () => {
  const pools: MatchPool[] = [];
  const poolOf = (...args: ConstructorParameters<typeof MatchPool>) => {
    const pool = new MatchPool(...args);
    pools.push(pool);
    return pool;
  };
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.close()));
    vi.restoreAllMocks();
  });

  it('finds the same topics for every item, in the same order, as one index on this thread', async () => {
    const items = itemsOf(1500);
    const pool = poolOf({ queries: QUERIES }, undefined, 2);
    const pooled: number[][] = [];
    for await (const batch of inOrder(batches(items, 64), (b) => pool.match(b), 4)) {
      for (let i = 0; i < batch.size; i++) pooled.push([...batch.positionsOf(i)]);
    }
    const expected = oneThread(items);
    expect(pooled).toEqual(expected);
    // The items are not trivial: most topics match some, and some items match none.
    expect(new Set(expected.flat()).size).toBeGreaterThanOrEqual(5);
    expect(expected.some((topics) => topics.length === 0)).toBe(true);
  });

  it('prints JSON lines as the match command does, naming each line that is not an item', async () => {
    const pool = poolOf({ queries: ['ATACMS AND Russia', 'Kursk'], ids: ['strikes', 7] }, undefined, 1);
    const lines = ['\uFEFF{"id":"a","title":"ATACMS hit Russia near Kursk"}', '', 'not json', '{"title":"no id"}', '{"id":2,"summary":"Markets rally"}'];
    const { output, skipped } = await pool.matchLines(lines, 1, true);
    expect(output).toBe('{"id":"a","topics":["strikes",7]}\n{"id":2,"topics":[]}\n');
    expect(skipped).toEqual(['newsbrief: line 3: not JSON; skipped\n', 'newsbrief: line 4: an item needs an "id"; skipped\n']);
    // Past the first line a byte-order mark is not stripped: only a stream can start with one.
    const later = await pool.matchLines(['\uFEFF{"id":"b"}'], 9, false);
    expect(later).toEqual({ output: '', skipped: ['newsbrief: line 9: not JSON; skipped\n'] });
  });

  it('rejects the batches waiting on a worker that stopped with a message saying so, and refuses new ones', async () => {
    const pool = poolOf({ queries: QUERIES }, undefined, 2);
    await pool.ready();
    const workers = (pool as unknown as { pool: { workers: { terminate(): Promise<number> }[] } }).pool.workers;
    const waiting = pool.match(itemsOf(50));
    await workers[0]!.terminate();
    await expect(waiting).rejects.toThrow(/match worker stopped \(exit code \d+\)/);
    await expect(pool.match(itemsOf(1))).rejects.toThrow(/match worker stopped/);
  });

  it('still matches, and says why in the log, when its code cannot be bundled', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const bundling = await import('../../src/core/workers/workerBundle.ts');
    vi.spyOn(bundling, 'bundleWorker').mockRejectedValueOnce(new Error('disk full'));
    const pool = poolOf({ queries: QUERIES }, logger, 1);
    const batch = await pool.match(itemsOf(20));
    expect([...batch.positionsOf(0)]).toEqual(oneThread(itemsOf(1))[0]);
    expect(lines.join('')).toContain('could not bundle the match workers');
    expect(lines.join('')).toContain('disk full');
  });
});

describe('inOrder', () => {
  it('yields results in the order the batches came, with no more than inFlight out at once', async () => {
    let out = 0;
    let most = 0;
    const send = async (n: number) => {
      most = Math.max(most, ++out);
      // Later batches finish first: order must come from inOrder, not from timing.
      await new Promise((resolve) => setTimeout(resolve, 20 - n));
      out--;
      return n * 10;
    };
    const results: number[] = [];
    for await (const result of inOrder([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], send, 3)) results.push(result);
    expect(results).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(most).toBe(3);
  });

  it('passes on the first failure and leaves no unhandled rejection behind', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const send = (n: number) => (n >= 2 ? Promise.reject(new Error(`batch ${n} failed`)) : Promise.resolve(n));
      const results: number[] = [];
      await expect(async () => {
        for await (const result of inOrder([1, 2, 3, 4], send, 3)) results.push(result);
      }).rejects.toThrow('batch 2 failed');
      expect(results).toEqual([1]);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
