import type { Db } from '../store/database.ts';

export interface SeenItem {
  readonly articleId: number | null;
  readonly fingerprint: string;
}

/** The only place that reads and writes `feed_items`: every item each feed ever showed us. */
export class SeenItemStore {
  private readonly byKey;
  private readonly upsert;

  constructor(db: Db) {
    this.byKey = db.prepare('SELECT article_id, fingerprint FROM feed_items WHERE feed_id = ? AND item_key = ?');
    this.upsert = db.prepare(`INSERT INTO feed_items (feed_id, item_key, article_id, fingerprint, first_seen_at, last_seen_at)
      VALUES (@feedId, @key, @articleId, @fingerprint, @now, @now)
      ON CONFLICT(feed_id, item_key) DO UPDATE SET
        article_id = COALESCE(excluded.article_id, feed_items.article_id),
        fingerprint = excluded.fingerprint, last_seen_at = excluded.last_seen_at`);
  }

  find(feedId: number, key: string): SeenItem | undefined {
    const row = this.byKey.get(feedId, key) as { article_id: number | null; fingerprint: string } | undefined;
    return row && { articleId: row.article_id, fingerprint: row.fingerprint };
  }

  record(feedId: number, key: string, seen: SeenItem, now: string): void {
    this.upsert.run({ feedId, key, articleId: seen.articleId, fingerprint: seen.fingerprint, now });
  }
}
