import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { bundleWorker } from '../ingest/workerBundle.ts';
import { TSX_ENTRY, WORKER_RESOURCE_LIMITS } from '../ingest/preparePool.ts';
import type { MatchFields, MatchedLines } from './itemLines.ts';
import type { ItemsReply, LinesReply, MatchWorkerData } from './matchWorker.ts';

export type { MatchFields, MatchedLines } from './itemLines.ts';

const WORKER = new URL('./matchWorker.ts', import.meta.url).href;

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

interface Pending {
  readonly worker: number;
  resolve(reply: ItemsReply | LinesReply): void;
  reject(error: Error): void;
}

/**
 * Worker threads that each hold an index of the same topics and match whole batches: one
 * thread per core, for a stream of items too large for one (`newsbrief match` on a big file).
 * The topics are fixed for the pool's life; a live, changing set belongs to a TopicIndex on
 * the caller's thread. Each batch goes to the least busy worker; `inOrder` streams results back
 * in the order the batches were sent.
 */
export class MatchPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  /** Batches out per worker: a batch goes to the worker with the fewest. */
  private readonly load: number[] = [];
  private nextId = 0;
  private failure: Error | undefined;
  private started: Promise<void> | undefined;
  private closed = false;
  private failStart: ((error: Error) => void) | undefined;

  constructor(
    private readonly topics: PoolTopics,
    private readonly logger?: Logger,
    readonly size = Math.max(1, Math.min(8, availableParallelism())),
  ) {}

  /** Resolves when every worker has built its index: matching then starts at full speed. */
  ready(): Promise<void> {
    return (this.started ??= this.start());
  }

  async match(items: readonly MatchFields[]): Promise<MatchedBatch> {
    const reply = (await this.send({ items })) as ItemsReply;
    return new MatchedBatch(reply.offsets, reply.positions);
  }

  /** Parses, matches and prints JSON-lines items (itemLines.ts); `firstLine` numbers the first. */
  async matchLines(lines: readonly string[], firstLine: number, json: boolean): Promise<MatchedLines> {
    const { output, skipped } = (await this.send({ lines, firstLine, json })) as LinesReply;
    return { output, skipped };
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private send(request: object): Promise<ItemsReply | LinesReply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return this.ready().then(
      () =>
        new Promise((resolve, reject) => {
          if (this.failure) return reject(this.failure);
          // The least busy worker, not the next in turn: one that falls behind (a shared host
          // slows threads unevenly) gets fewer batches instead of holding up the ones after it.
          const index = this.load.indexOf(Math.min(...this.load));
          const worker = this.workers[index]!;
          this.load[index]!++;
          this.pending.set(id, { worker: index, resolve, reject });
          worker.ref();
          worker.postMessage({ id, ...request });
        }),
    );
  }

  /** The worker's code bundled (workerBundle.ts), else the TypeScript through tsx. */
  private async entry(): Promise<{ entry: URL; module?: string }> {
    try {
      const modules = await bundleWorker({ matchWorker: WORKER });
      return { entry: new URL(modules.matchWorker!) };
    } catch (error) {
      this.logger?.warn({ err: error }, 'could not bundle the match workers; they load TypeScript instead (~35 MB more memory each)');
      return { entry: TSX_ENTRY, module: WORKER };
    }
  }

  private async start(): Promise<void> {
    const { entry, module } = await this.entry();
    if (this.closed) throw new Error('match workers were closed');
    const workerData: MatchWorkerData & { module?: string } = { queries: this.topics.queries, ids: this.topics.ids ?? [], module };
    const ready: Promise<void>[] = [];
    for (let i = 0; i < this.size; i++) {
      const worker = new Worker(entry, { workerData, resourceLimits: WORKER_RESOURCE_LIMITS });
      ready.push(new Promise((resolve) => worker.once('message', () => resolve())));
      worker.on('message', (reply: ItemsReply | LinesReply | { ready: true }) => this.receive(reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (this.workers.includes(worker)) this.fail(new Error(`match worker stopped (exit code ${code})`));
      });
      this.workers.push(worker);
      this.load.push(0);
    }
    // A worker that fails while building its index must fail ready() too, not leave it waiting.
    const failed = new Promise<never>((_, reject) => (this.failStart = reject));
    try {
      await Promise.race([Promise.all(ready), failed]);
    } finally {
      this.failStart = undefined;
    }
    for (const worker of this.workers) worker.unref();
  }

  private receive(reply: ItemsReply | LinesReply | { ready: true }): void {
    if (!('id' in reply)) return;
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (waiting) this.load[waiting.worker]!--;
    // Idle workers must not keep the process alive.
    if (this.pending.size === 0) for (const worker of this.workers) worker.unref();
    waiting?.resolve(reply);
  }

  private fail(error: Error): void {
    this.failure = error;
    this.failStart?.(error);
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    void this.close();
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
