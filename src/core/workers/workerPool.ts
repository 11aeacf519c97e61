import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { HEAP_CEILING_MB } from '../heapCeiling.ts';
import { bundleWorker } from './workerBundle.ts';

/**
 * Each worker's heap. The young generation holds a batch while it is worked on: at 4 MB the
 * ingest worker ran a scavenge every ~6 ms, 1.15 s of each 20,000 articles (57 µs per article,
 * most of its garbage collection); at 16 MB 0.63 s, at 32 MB 0.53 s (`--trace-gc`, scratch
 * runs). 32 MB also showed in the soak test: the worker's RSS crept up ~30 MB over five minutes
 * of feed polls while its semi-spaces grew to their ceiling, past the test's bar for flat
 * memory. 16 MB keeps most of the gain for half that. The old generation's ceiling keeps V8
 * from sizing the heap from the host's RAM.
 */
export const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: HEAP_CEILING_MB } as const;

/** Loads a TypeScript worker through tsx: used only when bundling fails. */
const TSX_ENTRY = new URL('./tsxWorkerEntry.mjs', import.meta.url);

export interface WorkerPoolOptions {
  /** What the workers are, for log lines and errors ("ingest", "match"). */
  readonly name: string;
  readonly size: number;
  readonly logger?: Logger;
  /** The worker's module (URLs of TypeScript files). */
  readonly worker: string;
  /** Modules the worker imports by URL, bundled beside it: name → URL. */
  readonly modules?: Readonly<Record<string, string>>;
  /** The workers' data, given the URLs `modules` load from (bundled, or as given). */
  readonly workerData: (modules: Readonly<Record<string, string>>) => object;
}

interface Pending {
  readonly worker: number;
  resolve(reply: unknown): void;
  reject(error: Error): void;
}

/**
 * Worker threads that answer requests: `request(message)` posts `{id, …message}` to the
 * least busy worker and resolves with its reply, which carries the same `id`. Workers start
 * on first use, from an esbuild bundle of their code (workerBundle.ts; through tsx when
 * bundling fails, with a warning), and hold the process open only while they have work. A
 * worker that fails or stops fails every request out and every one after it.
 */
export class WorkerPool<Reply extends { readonly id: number }> {
  private readonly workers: Worker[] = [];
  /** Requests out per worker: a request goes to the worker with the fewest. */
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;
  private started: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {}

  get size(): number {
    return this.options.size;
  }

  /** Resolves when the workers are started. */
  ready(): Promise<void> {
    return (this.started ??= this.start());
  }

  request(message: object, transfer: readonly ArrayBuffer[] = []): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return this.ready().then(
      () =>
        new Promise<Reply>((resolve, reject) => {
          if (this.failure) return reject(this.failure);
          // The least busy worker, not the next in turn: one that falls behind (a shared host
          // slows threads unevenly) gets fewer requests instead of holding up the ones after it.
          const index = this.load.indexOf(Math.min(...this.load));
          this.load[index]!++;
          this.pending.set(id, { worker: index, resolve: resolve as (reply: unknown) => void, reject });
          const worker = this.workers[index]!;
          worker.ref();
          worker.postMessage({ id, ...message }, [...transfer]);
        }),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  /** The worker's entry and its modules: bundled, else the TypeScript through tsx. */
  private async entry(): Promise<{ entry: URL; module?: string; modules: Readonly<Record<string, string>> }> {
    const { name, worker, modules = {} } = this.options;
    try {
      const bundled = await bundleWorker({ worker, ...modules });
      return { entry: new URL(bundled.worker!), modules: Object.fromEntries(Object.keys(modules).map((key) => [key, bundled[key]!])) };
    } catch (error) {
      this.options.logger?.warn({ err: error }, `could not bundle the ${name} workers; they load TypeScript instead (~35 MB more memory each)`);
      return { entry: TSX_ENTRY, module: worker, modules };
    }
  }

  private async start(): Promise<void> {
    const { entry, module, modules } = await this.entry();
    const { name, size } = this.options;
    if (this.closed) throw new Error(`${name} workers were closed`);
    const workerData = { ...this.options.workerData(modules), module };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(entry, { workerData, resourceLimits: WORKER_RESOURCE_LIMITS });
      worker.unref();
      worker.on('message', (reply: Reply) => this.receive(reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (this.workers.includes(worker)) this.fail(new Error(`${name} worker stopped (exit code ${code})`));
      });
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  private receive(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (waiting) this.load[waiting.worker]!--;
    // Idle workers must not keep the process alive.
    if (this.pending.size === 0) for (const worker of this.workers) worker.unref();
    waiting?.resolve(reply);
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    void this.close();
  }
}
