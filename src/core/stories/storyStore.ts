import type { Db } from '../store/database.ts';
import { bandBuckets } from './minHash.ts';

export interface StoredSignature {
  readonly articleId: number;
  readonly storyId: number;
  readonly signature: Uint32Array;
}

const toSignature = (blob: Buffer): Uint32Array =>
  new Uint32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));

/** The only place that reads and writes `stories`, `story_signatures` and `story_bands`. */
export class StoryStore {
  constructor(private readonly db: Db) {}

  signatureOf(articleId: number): StoredSignature | undefined {
    const row = this.db.prepare('SELECT article_id, story_id, signature FROM story_signatures WHERE article_id = ?').get(articleId) as
      | { article_id: number; story_id: number; signature: Buffer }
      | undefined;
    return row && { articleId: row.article_id, storyId: row.story_id, signature: toSignature(row.signature) };
  }

  /** Articles sharing at least one LSH band with `sig`, most shared bands first. */
  candidates(sig: Uint32Array, limit: number): StoredSignature[] {
    const buckets = bandBuckets(sig);
    const pairs = buckets.map((_, band) => `(${band}, ?)`).join(', ');
    const rows = this.db
      .prepare(
        `SELECT s.article_id, s.story_id, s.signature FROM story_signatures s
         JOIN (SELECT article_id, COUNT(*) AS shared FROM story_bands WHERE (band, bucket) IN (VALUES ${pairs})
               GROUP BY article_id ORDER BY shared DESC LIMIT ?) c ON c.article_id = s.article_id`,
      )
      .all(...buckets, limit) as { article_id: number; story_id: number; signature: Buffer }[];
    return rows.map((row) => ({ articleId: row.article_id, storyId: row.story_id, signature: toSignature(row.signature) }));
  }

  createStory(firstArticleId: number, createdAt: string): number {
    return Number(this.db.prepare('INSERT INTO stories (first_article_id, created_at) VALUES (?, ?)').run(firstArticleId, createdAt).lastInsertRowid);
  }

  /** Stores the signature, its bands and the article's story, in one transaction. */
  save(articleId: number, storyId: number, sig: Uint32Array): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT OR REPLACE INTO story_signatures (article_id, story_id, signature) VALUES (?, ?, ?)')
        .run(articleId, storyId, Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength));
      this.db.prepare('DELETE FROM story_bands WHERE article_id = ?').run(articleId);
      const insert = this.db.prepare('INSERT OR IGNORE INTO story_bands (band, bucket, article_id) VALUES (?, ?, ?)');
      bandBuckets(sig).forEach((bucket, band) => insert.run(band, bucket, articleId));
      this.db.prepare('UPDATE articles SET story_id = ? WHERE id = ?').run(storyId, articleId);
    })();
  }
}
