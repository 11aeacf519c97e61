import { atomic } from './atomic.ts';
import type { Db } from './database.ts';
import { decodeSentences, encodeSentences, type PlainSentence } from './storedSentences.ts';

/** Write-ahead log pages a bulk import lets accumulate before a checkpoint (see deferCheckpoints). */
const BULK_CHECKPOINT_PAGES = 20_000;

/** An article as stored: cleaned body, canonical URL, dates in ISO 8601 UTC. */
export interface Article {
  readonly id: number;
  readonly title: string;
  readonly outlet: string | null;
  readonly author: string | null;
  readonly url: string | null;
  readonly guid: string | null;
  readonly feedId: number | null;
  readonly origin: string | null;
  readonly summary: string | null;
  readonly body: string;
  readonly contentHash: string;
  readonly publishedAt: string | null;
  readonly fetchedAt: string;
  readonly updatedAt: string;
  readonly storyId: number | null;
}

export type NewArticle = Omit<Article, 'id' | 'storyId' | 'updatedAt'> & {
  readonly sentences: readonly SentenceInput[];
};

/** A sentence as given to the store: its position is its place in the list. */
export type SentenceInput = PlainSentence;

export interface Sentence {
  readonly articleId: number;
  readonly position: number;
  readonly paragraph: number;
  readonly text: string;
}

interface ArticleRow {
  id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  guid: string | null;
  feed_id: number | null;
  origin: string | null;
  summary: string | null;
  body: string;
  content_hash: string;
  published_at: string | null;
  fetched_at: string;
  updated_at: string;
  story_id: number | null;
}

const toArticle = (row: ArticleRow): Article => ({
  id: row.id,
  title: row.title,
  outlet: row.outlet,
  author: row.author,
  url: row.url,
  guid: row.guid,
  feedId: row.feed_id,
  origin: row.origin,
  summary: row.summary,
  body: row.body,
  contentHash: row.content_hash,
  publishedAt: row.published_at,
  fetchedAt: row.fetched_at,
  updatedAt: row.updated_at,
  storyId: row.story_id,
});

interface SentencesRow {
  id: number;
  body: string;
  spans: string;
}

const toSentences = ({ id, body, spans }: SentencesRow): Sentence[] =>
  decodeSentences(body, spans).map(({ text, paragraph }, position) => ({ articleId: id, position, paragraph, text }));

/** The only place that reads and writes `articles` and `article_sentences`, and that adds `articles_fts` rows. */
export class ArticleStore {
  private readonly insertArticle;
  private readonly indexArticle;
  private readonly insertSentences;
  private readonly byId;
  private readonly inWindow;
  private readonly newest;
  private readonly byUrl;
  private readonly byHash;
  private readonly byGuid;
  private readonly sentencesOf;
  private readonly sentencesOfMany;
  private readonly updateArticle;
  private readonly deleteSentences;
  private readonly setStoryOf;
  private readonly insertTransaction;
  private readonly updateTransaction;
  private bulkImports = 0;
  private checkpointPagesBefore = 1000;

  constructor(private readonly db: Db) {
    this.insertArticle = db.prepare(`INSERT INTO articles
      (title, outlet, author, url, guid, feed_id, origin, summary, body, content_hash, published_at, fetched_at, updated_at)
      VALUES (@title, @outlet, @author, @url, @guid, @feedId, @origin, @summary, @body, @contentHash, @publishedAt, @fetchedAt, @fetchedAt)`);
    // Migration 011: the store, not a trigger, indexes a new article (a trigger costs an FTS5 flush).
    this.indexArticle = db.prepare('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)');
    this.insertSentences = db.prepare('INSERT INTO article_sentences (article_id, spans) VALUES (?, ?)');
    this.byId = db.prepare('SELECT * FROM articles WHERE id = ?');
    this.inWindow = db.prepare(`SELECT * FROM articles
      WHERE (published_at >= @since AND published_at < @until)
         OR (published_at IS NULL AND fetched_at >= @since AND fetched_at < @until)
      ORDER BY published_at IS NULL, published_at DESC, id DESC LIMIT @limit`);
    // SQLite sorts NULL first ascending and last descending: undated articles come after the
    // dated ones with no extra term, and the index gives the order without a sort.
    this.newest = db.prepare('SELECT * FROM articles ORDER BY published_at DESC, id DESC LIMIT @limit');
    this.byUrl = db.prepare('SELECT * FROM articles WHERE url = ?');
    this.byHash = db.prepare('SELECT * FROM articles WHERE content_hash = ?');
    // Every feed item is looked up by guid before ingest: prepare once, not per item.
    this.byGuid = db.prepare('SELECT * FROM articles WHERE guid = ? AND feed_id IS ? LIMIT 1');
    // The policy stage reads every new article's sentences: prepared once too.
    this.sentencesOf = db.prepare('SELECT a.id, a.body, s.spans FROM article_sentences s JOIN articles a ON a.id = s.article_id WHERE s.article_id = ?');
    this.sentencesOfMany = db.prepare(`SELECT a.id, a.body, s.spans FROM article_sentences s JOIN articles a ON a.id = s.article_id
      WHERE s.article_id IN (SELECT value FROM json_each(?)) ORDER BY s.article_id`);
    this.updateArticle = db.prepare(`UPDATE articles SET title=@title, outlet=@outlet, author=@author, url=@url, guid=@guid,
      feed_id=@feedId, origin=@origin, summary=@summary, body=@body, content_hash=@contentHash,
      published_at=@publishedAt, updated_at=@updatedAt WHERE id=@id`);
    this.deleteSentences = db.prepare('DELETE FROM article_sentences WHERE article_id = ?');
    this.setStoryOf = db.prepare('UPDATE articles SET story_id = ? WHERE id = ?');
    // The article object is bound as it is: named parameters ignore its other keys (sentences),
    // and copying it without them ({ ...rest }) cost more than the insert's JavaScript.
    this.insertTransaction = atomic(db, (article: NewArticle): number => {
      const id = Number(this.insertArticle.run(article).lastInsertRowid);
      this.indexArticle.run(id, article.title, article.body);
      this.insertSentences.run(id, encodeSentences(article.body, article.sentences));
      return id;
    });
    this.updateTransaction = atomic(db, (id: number, changes: Omit<NewArticle, 'fetchedAt'> & { updatedAt: string }): void => {
      const { sentences, ...row } = changes;
      this.updateArticle.run({ ...row, id });
      this.deleteSentences.run(id);
      this.insertSentences.run(id, encodeSentences(row.body, sentences));
    });
  }

  /**
   * For a bulk import: SQLite copies the write-ahead log into the database (a checkpoint, with
   * two fsyncs) once the log holds 1,000 pages, about every 500-article batch. Until `restore`
   * is called, it waits for BULK_CHECKPOINT_PAGES (~80 MB of log) instead: at 100,000 articles
   * the main thread's time per article went from 425 to 389 µs, in turns on the same batches.
   * Readers see every commit as before; the log is checkpointed when the last import ends.
   */
  deferCheckpoints(): { restore(): void } {
    if (this.bulkImports++ === 0) {
      this.checkpointPagesBefore = this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
      this.db.pragma(`wal_autocheckpoint = ${BULK_CHECKPOINT_PAGES}`);
    }
    let restored = false;
    return {
      restore: () => {
        if (restored) return;
        restored = true;
        if (--this.bulkImports > 0 || !this.db.open) return;
        this.db.pragma(`wal_autocheckpoint = ${this.checkpointPagesBefore}`);
        this.db.pragma('wal_checkpoint(PASSIVE)');
      },
    };
  }

  /** Runs `work` in one transaction (nested calls become savepoints). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** Inserts the article and its sentences atomically (see atomic.ts); returns the new id. */
  insert(article: NewArticle): number {
    return this.insertTransaction(article);
  }

  /** Replaces an article's text (an updated feed item) and its sentences. */
  update(id: number, changes: Omit<NewArticle, 'fetchedAt'> & { updatedAt: string }): void {
    this.updateTransaction(id, changes);
  }

  get(id: number): Article | undefined {
    const row = this.byId.get(id) as ArticleRow | undefined;
    return row && toArticle(row);
  }

  findByUrl(url: string): Article | undefined {
    const row = this.byUrl.get(url) as ArticleRow | undefined;
    return row && toArticle(row);
  }

  /** Guids are only unique within one feed; corpus and CLI articles have no feed. */
  findByGuid(guid: string, feedId: number | null): Article | undefined {
    const row = this.byGuid.get(guid, feedId) as ArticleRow | undefined;
    return row && toArticle(row);
  }

  findByContentHash(hash: string): Article | undefined {
    const row = this.byHash.get(hash) as ArticleRow | undefined;
    return row && toArticle(row);
  }

  /** Newest first; articles without a date sort after dated ones. */
  list(options: { limit?: number; since?: string; until?: string } = {}): Article[] {
    const limit = options.limit ?? -1;
    const windowed = options.since !== undefined || options.until !== undefined;
    // A window drives the articles_published index (undated articles by their fetch time):
    // COALESCE(published_at, fetched_at) in the WHERE read every row, 220 ms for one week at
    // 100,000 articles. ISO dates compare as strings; '' and '~' bound them all. Without a
    // window the same index gives the newest first and stops at the limit.
    const rows = windowed
      ? this.inWindow.all({ since: options.since ?? '', until: options.until ?? '~', limit })
      : this.newest.all({ limit });
    return (rows as ArticleRow[]).map(toArticle);
  }

  count(): number {
    return this.db.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number;
  }

  sentences(articleId: number): Sentence[] {
    const row = this.sentencesOf.get(articleId) as SentencesRow | undefined;
    return row ? toSentences(row) : [];
  }

  /** The sentences of several articles, by article id, then in order: what ask reads of its best articles. */
  sentencesOfArticles(articleIds: readonly number[]): Sentence[] {
    if (articleIds.length === 0) return [];
    return (this.sentencesOfMany.all(JSON.stringify(articleIds)) as SentencesRow[]).flatMap(toSentences);
  }

  setStory(articleId: number, storyId: number): void {
    this.setStoryOf.run(storyId, articleId);
  }
}
