import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/database.ts';
import { bandBuckets } from './minHash.ts';

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

/** The only place that reads and writes `stories`, `story_signatures` and `story_bands`. */
export class StoryStore {
  private readonly bySignature: Statement;
  private readonly bandMembers: Statement;
  private readonly insertStory: Statement;
  private readonly upsertSignature: Statement;
  private readonly deleteBands: Statement;
  private readonly insertBand: Statement;
  private readonly setArticleStory: Statement;

  constructor(private readonly db: Db) {
    // Prepared once: this runs for every article ingested (100k in the ingest benchmark).
    this.bySignature = db.prepare('SELECT article_id, story_id, signature FROM story_signatures WHERE article_id = ?');
    // Newest first and bounded per bucket: a bucket that boilerplate made popular must not
    // turn each ingest into a scan of thousands of rows.
    this.bandMembers = db.prepare('SELECT article_id FROM story_bands WHERE band = ? AND bucket = ? ORDER BY article_id DESC LIMIT ?').pluck();
    this.insertStory = db.prepare('INSERT INTO stories (first_article_id, created_at) VALUES (?, ?)');
    this.upsertSignature = db.prepare('INSERT OR REPLACE INTO story_signatures (article_id, story_id, signature) VALUES (?, ?, ?)');
    this.deleteBands = db.prepare('DELETE FROM story_bands WHERE article_id = ?');
    this.insertBand = db.prepare('INSERT OR IGNORE INTO story_bands (band, bucket, article_id) VALUES (?, ?, ?)');
    this.setArticleStory = db.prepare('UPDATE articles SET story_id = ? WHERE id = ?');
  }

  signatureOf(articleId: number): StoredSignature | undefined {
    const row = this.bySignature.get(articleId) as SignatureRow | undefined;
    return row && toStored(row);
  }

  /** Recent articles sharing at least one LSH band with `sig`, most shared bands first. */
  candidates(sig: Uint32Array, limit: number): StoredSignature[] {
    const shared = new Map<number, number>();
    bandBuckets(sig).forEach((bucket, band) => {
      for (const id of this.bandMembers.all(band, bucket, PER_BUCKET) as number[]) shared.set(id, (shared.get(id) ?? 0) + 1);
    });
    return [...shared]
      .sort((a, b) => b[1] - a[1] || b[0] - a[0])
      .slice(0, limit)
      .map(([id]) => this.signatureOf(id))
      .filter((found): found is StoredSignature => found !== undefined);
  }

  createStory(firstArticleId: number, createdAt: string): number {
    return Number(this.insertStory.run(firstArticleId, createdAt).lastInsertRowid);
  }

  /** Stores the signature, its bands and the article's story, in one transaction. */
  save(articleId: number, storyId: number, sig: Uint32Array, replacing = false): void {
    this.db.transaction(() => {
      this.upsertSignature.run(articleId, storyId, Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength));
      if (replacing) this.deleteBands.run(articleId);
      bandBuckets(sig).forEach((bucket, band) => this.insertBand.run(band, bucket, articleId));
      this.setArticleStory.run(storyId, articleId);
    })();
  }
}
