import type { Statement } from 'better-sqlite3';
import type { Logger } from 'pino';
import { atomic } from '../store/atomic.ts';
import type { Db } from '../store/database.ts';
import { BandIndex } from './bandIndex.ts';
import { bandBuckets, BANDS, signature } from './minHash.ts';

/** Most recent members read per LSH bucket. */
const PER_BUCKET = 20;

export interface StoredSignature {
  readonly articleId: number;
  readonly storyId: number;
  readonly signature: Uint32Array;
}

interface SignatureRow {
  article_id: number;
  story_id: number;
  signature: Buffer;
}

const toSignature = (blob: Buffer): Uint32Array =>
  new Uint32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));

const toBlob = (sig: Uint32Array): Buffer => Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);

/** Where migration 010 set aside the signatures of the older MinHash scheme. */
const OLD_SIGNATURES = 'story_signatures_v1';
/** Rows read at a time while re-signing: better-sqlite3 cannot write while a read is still iterating. */
const RESIGN_CHUNK = 1_000;

const toStored = (row: SignatureRow): StoredSignature => ({ articleId: row.article_id, storyId: row.story_id, signature: toSignature(row.signature) });

/**
 * The only place that reads and writes `stories` and `story_signatures`, and the owner of the
 * in-memory LSH buckets built from them. Before each use the buckets are checked against the
 * newest stored signature: articles another process signed are added, and those of a
 * rolled-back transaction (ids above the newest) are dropped. (An older article re-signed by
 * another process keeps its previous buckets here until the next start; its story is unchanged.)
 */
export class StoryStore {
  private readonly bySignature: Statement;
  private readonly newestSigned: Statement;
  private readonly signedAfter: Statement;
  private readonly insertStory: Statement;
  private readonly hasSignature: Statement;
  private readonly insertSignature: Statement;
  private readonly updateSignature: Statement;
  private readonly setArticleStory: Statement;
  private readonly saveRows: (articleId: number, storyId: number, sig: Uint32Array, fresh: boolean) => void;
  private bands: BandIndex | undefined;
  private readonly buckets = new Int32Array(BANDS);

  constructor(private readonly db: Db) {
    // Prepared once: this runs for every article ingested (100k in the ingest benchmark).
    this.bySignature = db.prepare('SELECT article_id, story_id, signature FROM story_signatures WHERE article_id = ?');
    this.newestSigned = db.prepare('SELECT MAX(article_id) FROM story_signatures').pluck();
    this.signedAfter = db.prepare('SELECT article_id, signature FROM story_signatures WHERE article_id > ? ORDER BY article_id').raw();
    this.insertStory = db.prepare('INSERT INTO stories (first_article_id, created_at) VALUES (?, ?)');
    this.hasSignature = db.prepare('SELECT 1 FROM story_signatures WHERE article_id = ?').pluck();
    this.insertSignature = db.prepare('INSERT INTO story_signatures (article_id, story_id, signature) VALUES (?, ?, ?)');
    this.updateSignature = db.prepare('UPDATE story_signatures SET story_id = ?, signature = ? WHERE article_id = ?');
    this.setArticleStory = db.prepare('UPDATE articles SET story_id = ? WHERE id = ?');
    // Made once: db.transaction() per call was a measurable share of each ingest.
    this.saveRows = atomic(db, (articleId: number, storyId: number, sig: Uint32Array, fresh: boolean) => {
      if (fresh) this.insertSignature.run(articleId, storyId, toBlob(sig));
      else this.writeSignature(articleId, storyId, toBlob(sig));
      this.setArticleStory.run(storyId, articleId);
    });
  }

  /**
   * Looked up first, then inserted or updated. Not INSERT OR REPLACE, nor an UPDATE tried
   * first: under the foreign keys either may fail half-done, so SQLite gives it a statement
   * savepoint, and FTS5 writes its pending index out at every savepoint (see atomic.ts). That
   * was 343 µs of each article's ~1.2 ms in a bulk import; a read and a plain INSERT open none.
   */
  private writeSignature(articleId: number, storyId: number, blob: Buffer): void {
    if (this.hasSignature.get(articleId)) this.updateSignature.run(storyId, blob, articleId);
    else this.insertSignature.run(articleId, storyId, blob);
  }

  /**
   * Signs again, with the current MinHash, every article whose signature an older scheme made
   * (migration 010 set those aside), keeping the story each belongs to; then drops the old
   * table. A no-op once done. Without it, new articles could not join the stories of articles
   * stored before the upgrade. Returns how many were signed.
   */
  upgradeOldSignatures(logger: Logger): number {
    if (!this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(OLD_SIGNATURES)) return 0;
    const started = performance.now();
    const read = this.db.prepare(
      `SELECT s.article_id, s.story_id, a.title, a.body FROM ${OLD_SIGNATURES} s JOIN articles a ON a.id = s.article_id
       WHERE s.article_id > ? ORDER BY s.article_id LIMIT ${RESIGN_CHUNK}`,
    );
    let signed = 0;
    this.db.transaction(() => {
      for (let after = 0; ; ) {
        const rows = read.all(after) as { article_id: number; story_id: number; title: string; body: string }[];
        if (rows.length === 0) break;
        for (const row of rows) this.writeSignature(row.article_id, row.story_id, toBlob(signature(`${row.title}\n${row.body}`)));
        signed += rows.length;
        after = rows.at(-1)!.article_id;
      }
      this.db.exec(`DROP TABLE ${OLD_SIGNATURES}`);
    })();
    // A new database passes through migration 010 too, with nothing to sign: no news for the log.
    if (signed > 0) logger.info({ articles: signed, ms: Math.round(performance.now() - started) }, 'story signatures upgraded to the current MinHash');
    return signed;
  }

  signatureOf(articleId: number): StoredSignature | undefined {
    const row = this.bySignature.get(articleId) as SignatureRow | undefined;
    return row && toStored(row);
  }

  /** Recent articles sharing at least one LSH band with `sig`, most shared bands first. */
  candidates(sig: Uint32Array, limit: number): StoredSignature[] {
    const bands = this.current();
    const shared = new Map<number, number>();
    bands.visitMembers(bandBuckets(sig, this.buckets), PER_BUCKET, (id) => shared.set(id, (shared.get(id) ?? 0) + 1));
    if (shared.size === 0) return [];
    return [...shared]
      .sort((a, b) => b[1] - a[1] || b[0] - a[0])
      .slice(0, limit)
      .map(([id]) => this.signatureOf(id))
      .filter((found): found is StoredSignature => found !== undefined);
  }

  createStory(firstArticleId: number, createdAt: string): number {
    return Number(this.insertStory.run(firstArticleId, createdAt).lastInsertRowid);
  }

  /**
   * Stores the signature and the article's story (in one transaction), and indexes its bands.
   * `fresh`: the article is known to have no signature yet (just inserted, or an updated one
   * whose look-up found none), so none is looked up to replace.
   */
  save(articleId: number, storyId: number, sig: Uint32Array, { fresh = false }: { fresh?: boolean } = {}): void {
    const bands = this.current();
    this.saveRows(articleId, storyId, sig, fresh);
    bands.add(articleId, bandBuckets(sig, this.buckets));
  }

  /** The buckets, in step with the stored signatures (see the class comment). */
  private current(): BandIndex {
    const bands = (this.bands ??= new BandIndex());
    const newest = (this.newestSigned.get() as number | null) ?? 0;
    if (bands.lastId > newest) bands.truncateAfter(newest);
    if (bands.lastId < newest) {
      for (const [id, blob] of this.signedAfter.iterate(bands.lastId) as Iterable<[number, Buffer]>) {
        bands.add(id, bandBuckets(toSignature(blob), this.buckets));
      }
    }
    return bands;
  }
}
