import { availableParallelism } from 'node:os';
import type { Logger } from 'pino';
import { WorkerPool } from '../workers/workerPool.ts';
import type { MatchFields, MatchedLines } from './itemLines.ts';
import type { ItemsReply, LinesReply, MatchWorkerData } from './matchWorker.ts';

export type { MatchFields, MatchedLines } from './itemLines.ts';

const WORKER = new URL('./matchWorker.ts', import.meta.url).href;

/** Items (or JSON lines) per batch sent to a worker: what `newsbrief match` and its benchmark send. */
export const MATCH_BATCH = 256;

/** What a batch matched: item i's topics are `positions` from `offsets[i]` to `offsets[i + 1]`. */
export class MatchedBatch {
  constructor(
    private readonly offsets: Int32Array,
    private readonly positions: Int32Array,
  ) {}

  get size(): number {
    return this.offsets.length - 1;
  }

  /** Positions in the pool's topic list of the topics item i matched, ascending. */
  positionsOf(i: number): Int32Array {
    return this.positions.subarray(this.offsets[i]!, this.offsets[i + 1]!);
  }
}

/** The topics a pool matches, in order: queries, and the ids result lines print (matchLines). */
export interface PoolTopics {
  readonly queries: readonly string[];
  readonly ids?: readonly (string | number)[];
}

/**
 * Worker threads that each hold an index of the same topics and match whole batches: one
 * thread per core, for a stream of items too large for one (`newsbrief match` on a big file).
 * The topics are fixed for the pool's life; a live, changing set belongs to a TopicIndex on
 * the caller's thread. `inOrder` streams results back in the order the batches were sent.
 */
export class MatchPool {
  private readonly pool: WorkerPool<ItemsReply | LinesReply>;

  constructor(topics: PoolTopics, logger?: Logger, size = Math.max(1, Math.min(8, availableParallelism()))) {
    const workerData: MatchWorkerData = { queries: topics.queries, ids: topics.ids ?? [] };
    this.pool = new WorkerPool({ name: 'match', size, logger, worker: WORKER, workerData: () => workerData });
  }

  get size(): number {
    return this.pool.size;
  }

  /** Resolves when the workers are started. */
  ready(): Promise<void> {
    return this.pool.ready();
  }

  async match(items: readonly MatchFields[]): Promise<MatchedBatch> {
    const reply = (await this.pool.request({ items })) as ItemsReply;
    return new MatchedBatch(reply.offsets, reply.positions);
  }

  /** Parses, matches and prints JSON-lines items (itemLines.ts); `firstLine` numbers the first. */
  async matchLines(lines: readonly string[], firstLine: number, json: boolean): Promise<MatchedLines> {
    const { output, skipped } = (await this.pool.request({ lines, firstLine, json })) as LinesReply;
    return { output, skipped };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/**
 * Runs `send` over a stream of batches, yielding the results in the order the batches came.
 * At most `inFlight` batches are out at once (two per worker keeps each busy while the next
 * one travels), so a stream of any length takes the same memory.
 */
export async function* inOrder<T, R>(batches: Iterable<T> | AsyncIterable<T>, send: (batch: T) => Promise<R>, inFlight: number): AsyncGenerator<R> {
  const out: Promise<R>[] = [];
  for await (const batch of batches) {
    const result = send(batch);
    // If the pool fails, every batch out rejects with the same error; the caller gets it from
    // the first, and the others must not surface as unhandled rejections.
    result.catch(() => undefined);
    out.push(result);
    if (out.length >= inFlight) yield await out.shift()!;
  }
  while (out.length > 0) yield await out.shift()!;
}
