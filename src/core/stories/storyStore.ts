import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/database.ts';
import { BandIndex } from './bandIndex.ts';
import { bandBuckets, BANDS } from './minHash.ts';

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
  private readonly upsertSignature: Statement;
  private readonly setArticleStory: Statement;
  private readonly saveRows: (articleId: number, storyId: number, sig: Uint32Array) => void;
  private bands: BandIndex | undefined;
  private readonly buckets = new Int32Array(BANDS);

  constructor(private readonly db: Db) {
    // Prepared once: this runs for every article ingested (100k in the ingest benchmark).
    this.bySignature = db.prepare('SELECT article_id, story_id, signature FROM story_signatures WHERE article_id = ?');
    this.newestSigned = db.prepare('SELECT MAX(article_id) FROM story_signatures').pluck();
    this.signedAfter = db.prepare('SELECT article_id, signature FROM story_signatures WHERE article_id > ? ORDER BY article_id').raw();
    this.insertStory = db.prepare('INSERT INTO stories (first_article_id, created_at) VALUES (?, ?)');
    this.upsertSignature = db.prepare('INSERT OR REPLACE INTO story_signatures (article_id, story_id, signature) VALUES (?, ?, ?)');
    this.setArticleStory = db.prepare('UPDATE articles SET story_id = ? WHERE id = ?');
    // Made once: db.transaction() per call was a measurable share of each ingest.
    this.saveRows = db.transaction((articleId: number, storyId: number, sig: Uint32Array) => {
      this.upsertSignature.run(articleId, storyId, Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength));
      this.setArticleStory.run(storyId, articleId);
    });
  }

  signatureOf(articleId: number): StoredSignature | undefined {
    const row = this.bySignature.get(articleId) as SignatureRow | undefined;
    return row && toStored(row);
  }

  /** Recent articles sharing at least one LSH band with `sig`, most shared bands first. */
  candidates(sig: Uint32Array, limit: number): StoredSignature[] {
    const bands = this.current();
    const shared = new Map<number, number>();
    const members: number[] = [];
    const buckets = bandBuckets(sig, this.buckets);
    for (let band = 0; band < BANDS; band++) {
      members.length = 0;
      bands.members(band, buckets[band]!, PER_BUCKET, members);
      for (const id of members) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
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

  /** Stores the signature and the article's story (in one transaction), and indexes its bands. */
  save(articleId: number, storyId: number, sig: Uint32Array): void {
    const bands = this.current();
    this.saveRows(articleId, storyId, sig);
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
