import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { ArticleInput } from './articleInput.ts';
import type { PreparedArticle } from './preparedArticle.ts';
import type { PreparedReply, WorkerStagePreparation } from './prepareWorker.ts';
import { fromSpans } from './sentenceSpans.ts';
import { bundleWorker } from './workerBundle.ts';
import { HEAP_CEILING_MB } from '../heapCeiling.ts';

/**
 * Each ingest worker's heap. The young generation holds a batch's articles while it is
 * prepared: at 4 MB the worker ran a scavenge every ~6 ms, 1.15 s of each 20,000 articles
 * (57 µs per article, most of its garbage collection); at 16 MB 0.63 s, at 32 MB 0.53 s
 * (`--trace-gc`, scratch runs). 32 MB also showed in the soak test: the worker's RSS crept up
 * ~30 MB over five minutes of feed polls while its semi-spaces grew to their ceiling, past the
 * test's bar for flat memory. 16 MB keeps most of the gain for half that. The old generation's
 * ceiling keeps V8 from sizing the heap from the host's RAM.
 */
export const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: HEAP_CEILING_MB } as const;

const WORKER = new URL('./prepareWorker.ts', import.meta.url).href;
/** Loads a TypeScript worker through tsx: used only when bundling fails. */
export const TSX_ENTRY = new URL('./tsxWorkerEntry.mjs', import.meta.url);

interface Pending {
  resolve(prepared: PreparedReply[]): void;
  reject(error: Error): void;
}

/**
 * Worker threads that run `prepareArticle` (cleaning, sentences, hash, MinHash): the half of
 * ingest that needs no database. One fewer than the cores, so the main thread keeps one for
 * SQLite and the stages. Stages may add pure work of their own (StagePreparation). Workers
 * are started on first use, from a bundle of their code (workerBundle.ts), and hold the
 * process open only while they have work.
 */
export class PreparePool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private turn = 0;
  private failure: Error | undefined;
  private started: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly preparations: readonly WorkerStagePreparation[] = [],
    private readonly logger?: Logger,
    readonly size = Math.max(1, Math.min(4, availableParallelism() - 1)),
  ) {}

  prepare(inputs: readonly ArticleInput[]): Promise<PreparedArticle[]> {
    if (this.failure) return Promise.reject(this.failure);
    this.started ??= this.start();
    const id = this.nextId++;
    const turn = this.turn++;
    return this.started.then(
      () =>
        new Promise((resolve, reject) => {
          if (this.failure) return reject(this.failure);
          const worker = this.workers[turn % this.workers.length]!;
          const joined = (prepared: PreparedReply[]) =>
            resolve(prepared.map((reply, i) => joinReply(reply, inputs[i]!)));
          this.pending.set(id, { resolve: joined, reject });
          worker.ref();
          worker.postMessage({ id, inputs });
        }),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  /** The worker's entry and its preparations' modules: bundled, else the TypeScript through tsx. */
  private async entry(): Promise<{ entry: URL; module?: string; preparations: readonly WorkerStagePreparation[] }> {
    try {
      const stageEntry = (name: string) => `stage-${name}`;
      const modules = await bundleWorker({ prepareWorker: WORKER, ...Object.fromEntries(this.preparations.map((p) => [stageEntry(p.name), p.module])) });
      const preparations = this.preparations.map((p) => ({ ...p, module: modules[stageEntry(p.name)]! }));
      return { entry: new URL(modules.prepareWorker!), preparations };
    } catch (error) {
      this.logger?.warn({ err: error }, 'could not bundle the ingest workers; they load TypeScript instead (~35 MB more memory each)');
      return { entry: TSX_ENTRY, module: WORKER, preparations: this.preparations };
    }
  }

  private async start(): Promise<void> {
    const { entry, module, preparations } = await this.entry();
    if (this.closed) throw new Error('ingest workers were closed');
    for (let i = 0; i < this.size; i++) {
      const worker = new Worker(entry, { workerData: { preparations, module }, resourceLimits: WORKER_RESOURCE_LIMITS });
      worker.unref();
      worker.on('message', ({ id, prepared }: { id: number; prepared: PreparedReply[] }) => {
        const waiting = this.pending.get(id);
        this.pending.delete(id);
        if (this.pending.size === 0) for (const w of this.workers) w.unref();
        waiting?.resolve(prepared);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (this.workers.includes(worker)) this.fail(new Error(`ingest worker stopped (exit code ${code})`));
      });
      this.workers.push(worker);
    }
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    void this.close();
  }
}

/**
 * A worker's reply with its input: the article as `prepareArticle` would have made it here.
 * Fields written out rather than spread (V8's generic object copy, ~0.5 µs each on the main
 * thread, for every article of an import).
 */
function joinReply(reply: PreparedReply, input: ArticleInput): PreparedArticle {
  const article = {
    input,
    title: reply.title,
    body: reply.body,
    contentHash: reply.contentHash,
    sentences: fromSpans(reply.body, reply.sentenceSpans),
    signature: reply.signature,
  };
  return reply.stageData === undefined ? article : Object.assign(article, { stageData: reply.stageData });
}
