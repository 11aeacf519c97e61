import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ArticleInput } from './articleInput.ts';
import type { PreparedArticle } from './preparedArticle.ts';
import type { WorkerStagePreparation } from './prepareWorker.ts';

const ENTRY = new URL('./prepareWorkerEntry.mjs', import.meta.url);

interface Pending {
  resolve(prepared: Omit<PreparedArticle, 'input'>[]): void;
  reject(error: Error): void;
}

/**
 * Worker threads that run `prepareArticle` (cleaning, sentences, hash, MinHash): the half of
 * ingest that needs no database. One fewer than the cores, so the main thread keeps one for
 * SQLite and the stages. Stages may add pure work of their own (StagePreparation). Workers
 * are started on first use and hold the process open only while they have work.
 */
export class PreparePool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private turn = 0;
  private failure: Error | undefined;

  constructor(
    private readonly preparations: readonly WorkerStagePreparation[] = [],
    readonly size = Math.max(1, Math.min(4, availableParallelism() - 1)),
  ) {}

  prepare(inputs: readonly ArticleInput[]): Promise<PreparedArticle[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.workers.length === 0) this.start();
    const id = this.nextId++;
    const worker = this.workers[this.turn++ % this.workers.length]!;
    return new Promise((resolve, reject) => {
      const joined = (prepared: Omit<PreparedArticle, 'input'>[]) => resolve(prepared.map((p, i) => ({ ...p, input: inputs[i]! })));
      this.pending.set(id, { resolve: joined, reject });
      worker.ref();
      worker.postMessage({ id, inputs });
    });
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private start(): void {
    for (let i = 0; i < this.size; i++) {
      // A small young generation: the worker's garbage is short-lived strings, and the
      // default (16 MB semi-spaces) cost ~25 MB of RSS for no measurable speed.
      const worker = new Worker(ENTRY, { workerData: { preparations: this.preparations }, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
      worker.unref();
      worker.on('message', ({ id, prepared }: { id: number; prepared: Omit<PreparedArticle, 'input'>[] }) => {
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
