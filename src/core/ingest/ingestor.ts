import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Article, ArticleStore } from '../store/articleStore.ts';
import type { ArticleInput } from './articleInput.ts';
import { prepareArticle, type PreparedArticle } from './preparedArticle.ts';
import { PreparePool } from './preparePool.ts';
import { toIsoDate } from './publishedDate.ts';

export type IngestStatus = 'new' | 'updated' | 'duplicate' | 'empty';

export interface IngestReport {
  readonly id: number | null;
  readonly title: string;
  readonly status: IngestStatus;
  /** The article this one repeats, when it is a duplicate. */
  readonly duplicateOf: number | null;
  /** Further facts added by later stages (topics, claims, events, alerts…). */
  readonly [stage: string]: unknown;
}

export interface IngestOptions {
  /** Set by the feeds layer on the first poll of a feed: store, but trigger nothing downstream. */
  readonly quiet?: boolean;
}

/**
 * A step that runs after an article is stored (topic matching, story clustering, policy
 * claims…). It returns facts for the ingest report. Stages are registered by the features
 * that own them, so the ingestor stays ignorant of what comes after storage.
 */
export interface IngestStage {
  readonly name: string;
  /** Pure work the preparation workers may do for this stage during a bulk import (see StagePreparation). */
  readonly prepare?: StagePreparation;
  run(article: Article, context: StageContext): Record<string, unknown>;
}

/**
 * A module (file URL) whose `prepareForIngest(options)` returns a pure function of the
 * prepared text; `ingestBatches` runs it in its worker threads and hands the result to the
 * stage's run() as `context.prepared`. Options must survive structured cloning.
 */
export interface StagePreparation {
  readonly module: string;
  readonly options: unknown;
}

/** What a stage preparation sees: the article's text as it will be stored. */
export interface PreparedText {
  readonly title: string;
  readonly summary: string | null;
  readonly body: string;
  readonly sentences: readonly StageSentence[];
}

export interface StageContext {
  readonly status: 'new' | 'updated';
  readonly quiet: boolean;
  /** The article's MinHash of `title\nbody`, when ingest already computed it (see PreparedArticle). */
  readonly signature?: Uint32Array | undefined;
  /** The sentences just stored (as `articles.sentences(id)` would read them back), when known. */
  readonly sentences?: readonly StageSentence[] | undefined;
  /** This stage's StagePreparation result, when a worker computed it. */
  readonly prepared?: unknown;
}

export interface StageSentence {
  readonly text: string;
  readonly position: number;
  readonly paragraph: number;
}

/** The article as the stages see it: what was just written, without reading it back. */
const stored = (
  id: number,
  record: Omit<Article, 'id' | 'fetchedAt' | 'updatedAt' | 'storyId'>,
  fetchedAt: string,
  updatedAt: string,
  storyId: number | null,
): Article => ({
  id,
  title: record.title,
  outlet: record.outlet,
  author: record.author,
  url: record.url,
  guid: record.guid,
  feedId: record.feedId,
  origin: record.origin,
  summary: record.summary,
  body: record.body,
  contentHash: record.contentHash,
  publishedAt: record.publishedAt,
  fetchedAt,
  updatedAt,
  storyId,
});

/** From this many articles at once, a bulk import with worker threads pays (see ingestMany). */
export const BULK_FROM = 200;
/** Articles per transaction in a bulk import. */
export const BULK_BATCH = 500;
/**
 * From this much text (body and summary), `prepare` sends articles to the workers by default. Below it a
 * worker's round trip is not worth it, and the main thread is held for at most ~20 ms: the
 * costliest text, full articles on the tracked policy story, takes ~4 µs per character.
 */
export const OFF_THREAD_FROM_CHARS = 5_000;

export class Ingestor {
  private readonly stages: IngestStage[] = [];
  private pool: PreparePool | undefined;
  /** Set when the workers failed under `prepare`: feed items are then prepared here. */
  private workersFailed = false;

  constructor(
    private readonly articles: ArticleStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly offThreadFromChars = OFF_THREAD_FROM_CHARS,
  ) {}

  addStage(stage: IngestStage): void {
    this.stages.push(stage);
  }

  /** Cleans, splits and stores one article; a repeat of a stored one is reported, not stored. */
  ingest(input: ArticleInput, options: IngestOptions = {}): IngestReport {
    return this.store(prepareArticle(input), options);
  }

  /**
   * Many articles in one transaction: what a feed poll or a bulk import does. One commit
   * instead of one per article is most of the difference between ~70 and ~700 articles/s.
   */
  ingestBatch(inputs: readonly ArticleInput[], options: IngestOptions = {}): IngestReport[] {
    return this.articles.transaction(() => inputs.map((input) => this.ingest(input, options)));
  }

  /**
   * Many articles from one source (a file): one transaction when they are few, else a bulk
   * import (ingestBatches) in batches of BULK_BATCH. Below BULK_FROM, starting the workers
   * costs more than they save; above, 5,000 generated articles went in at 641/s against 315/s.
   */
  async ingestMany(inputs: readonly ArticleInput[], options: IngestOptions = {}): Promise<IngestReport[]> {
    if (inputs.length < BULK_FROM) return this.ingestBatch(inputs, options);
    const batches = function* (): Generator<readonly ArticleInput[]> {
      for (let i = 0; i < inputs.length; i += BULK_BATCH) yield inputs.slice(i, i + BULK_BATCH);
    };
    const reports: IngestReport[] = [];
    for await (const batch of this.ingestBatches(batches(), options)) reports.push(...batch);
    return reports;
  }

  /**
   * Prepares articles for `storePrepared` off the main thread when there is enough text to
   * matter, so that a feed poll of fifty full articles does not hold the event loop (and the
   * chat adapters' replies) for a second. Should the workers fail, this logs it once and
   * prepares here from then on: a feed's items are never lost to a worker.
   */
  async prepare(inputs: readonly ArticleInput[]): Promise<PreparedArticle[]> {
    const chars = inputs.reduce((sum, input) => sum + input.text.length + (input.summary?.length ?? 0), 0);
    if (chars < this.offThreadFromChars || this.workersFailed) return inputs.map((input) => prepareArticle(input));
    try {
      return await this.workers().prepare(inputs);
    } catch (error) {
      this.workersFailed = true;
      this.pool = undefined;
      this.logger.error({ err: error }, 'ingest workers failed: feed items are prepared on the main thread from now on');
      return inputs.map((input) => prepareArticle(input));
    }
  }

  /** Stores one article that `prepare` made ready: what `ingest` does after preparing. */
  storePrepared(prepared: PreparedArticle, options: IngestOptions = {}): IngestReport {
    return this.store(prepared, options);
  }

  /**
   * A bulk import: each batch in one transaction, as `ingestBatch`, while worker threads
   * prepare the next batches (PreparePool). The same reports as `ingestBatch` batch by batch;
   * every transaction is synchronous, so nothing else runs inside one while we wait.
   */
  async *ingestBatches(
    batches: Iterable<readonly ArticleInput[]> | AsyncIterable<readonly ArticleInput[]>,
    options: IngestOptions = {},
  ): AsyncGenerator<IngestReport[]> {
    const pool = this.workers();
    const ahead: Promise<PreparedArticle[]>[] = [];
    // A file read line by line arrives as an async source; generated batches as a plain one.
    const source = Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]();
    let exhausted = false;
    const fill = async (): Promise<void> => {
      while (!exhausted && ahead.length <= pool.size) {
        const next = await source.next();
        if (next.done) {
          exhausted = true;
          return;
        }
        const prepared = pool.prepare(next.value);
        prepared.catch(() => undefined); // awaited in turn below; no unhandled rejection meanwhile
        ahead.push(prepared);
      }
    };
    const checkpoints = this.articles.deferCheckpoints();
    try {
      await fill();
      while (ahead.length > 0) {
        const prepared = await ahead.shift()!;
        await fill();
        yield this.articles.transaction(() => prepared.map((article) => this.store(article, options)));
      }
    } finally {
      checkpoints.restore();
    }
  }

  /** Stops the preparation workers, if any were started. */
  close(): void {
    void this.pool?.close();
    this.pool = undefined;
  }

  /** The preparation workers, started on first use with the stages' preparations as they are then. */
  private workers(): PreparePool {
    return (this.pool ??= new PreparePool(
      this.stages.flatMap((stage) => (stage.prepare ? [{ name: stage.name, ...stage.prepare }] : [])),
      this.logger,
    ));
  }

  /** Dedupes and stores one prepared article, then runs the stages on it. */
  private store(prepared: PreparedArticle, options: IngestOptions): IngestReport {
    const { input, title, body, contentHash: hash } = prepared;
    if (!body) return { id: null, title, status: 'empty', duplicateOf: null };
    const url = input.url ?? null;
    // The same item again (by guid, then URL) is an update of its article, not a new one.
    const sameItem =
      (input.guid ? this.articles.findByGuid(input.guid, input.feedId ?? null) : undefined) ??
      (url ? this.articles.findByUrl(url) : undefined);
    const sameText = this.articles.findByContentHash(hash);
    if (sameText) return { id: sameText.id, title, status: 'duplicate', duplicateOf: sameText.id };
    const now = this.clock.now().toISOString();
    const record = {
      title,
      outlet: input.outlet ?? null,
      author: input.author ?? null,
      url,
      guid: input.guid ?? null,
      feedId: input.feedId ?? null,
      origin: input.origin ?? null,
      summary: input.summary ?? null,
      body,
      contentHash: hash,
      publishedAt: toIsoDate(input.publishedAt),
      sentences: prepared.sentences,
    };
    let article: Article;
    if (sameItem) {
      this.articles.update(sameItem.id, { ...record, updatedAt: now });
      article = stored(sameItem.id, record, sameItem.fetchedAt, now, sameItem.storyId);
    } else {
      article = stored(this.articles.insert(Object.assign(record, { fetchedAt: now })), record, now, now, null);
    }
    const status = sameItem ? 'updated' : 'new';
    this.logger.debug({ id: article.id, status, title }, 'article stored');
    const context: StageContext = {
      status,
      quiet: options.quiet ?? false,
      signature: prepared.signature ?? undefined,
      sentences: prepared.sentences,
    };
    const report: IngestReport = { id: article.id, title, status, duplicateOf: null };
    return Object.assign(report, this.runStages(article, context, prepared.stageData));
  }

  private runStages(article: Article, context: StageContext, stageData: PreparedArticle['stageData']): Record<string, unknown> {
    const facts: Record<string, unknown> = {};
    for (const stage of this.stages) {
      const prepared = stageData?.[stage.name];
      Object.assign(facts, stage.run(article, prepared === undefined ? context : withPrepared(context, prepared)));
    }
    return facts;
  }
}

/**
 * The context with one stage's prepared data. Written out, not spread: object spread takes
 * V8's generic copy, ~0.5 µs a time, and this runs for every stage of every article.
 */
const withPrepared = (context: StageContext, prepared: unknown): StageContext => ({
  status: context.status,
  quiet: context.quiet,
  signature: context.signature,
  sentences: context.sentences,
  prepared,
});
