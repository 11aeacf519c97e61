import { availableParallelism } from 'node:os';
import type { Logger } from 'pino';
import type { ArticleInput } from './articleInput.ts';
import type { PreparedArticle } from './preparedArticle.ts';
import type { PreparedReply, WorkerStagePreparation } from './prepareWorker.ts';
import { fromSpans } from './sentenceSpans.ts';
import { WorkerPool } from '../workers/workerPool.ts';

const WORKER = new URL('./prepareWorker.ts', import.meta.url).href;
const stageEntry = (name: string) => `stage-${name}`;

/**
 * Worker threads that run `prepareArticle` (cleaning, sentences, hash, MinHash): the half of
 * ingest that needs no database. One fewer than the cores, so the main thread keeps one for
 * SQLite and the stages. Stages may add pure work of their own (StagePreparation), bundled
 * beside the worker.
 */
export class PreparePool {
  private readonly pool: WorkerPool<{ id: number; prepared: PreparedReply[] }>;

  constructor(
    preparations: readonly WorkerStagePreparation[] = [],
    logger?: Logger,
    readonly size = Math.max(1, Math.min(4, availableParallelism() - 1)),
  ) {
    this.pool = new WorkerPool({
      name: 'ingest',
      size,
      logger,
      worker: WORKER,
      modules: Object.fromEntries(preparations.map((p) => [stageEntry(p.name), p.module])),
      workerData: (modules) => ({ preparations: preparations.map((p) => ({ ...p, module: modules[stageEntry(p.name)]! })) }),
    });
  }

  async prepare(inputs: readonly ArticleInput[]): Promise<PreparedArticle[]> {
    const { prepared } = await this.pool.request({ inputs });
    return prepared.map((reply, i) => joinReply(reply, inputs[i]!));
  }

  close(): Promise<void> {
    return this.pool.close();
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
