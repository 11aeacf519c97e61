import type { Db } from '../store/database.ts';

export interface FeedRecord {
  readonly id: number;
  readonly url: string;
  readonly title: string | null;
  readonly siteUrl: string | null;
  readonly source: string;
  readonly addedAt: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly firstSuccessAt: string | null;
  readonly lastAttemptAt: string | null;
  readonly lastSuccessAt: string | null;
  readonly failingSince: string | null;
  readonly consecutiveFailures: number;
  readonly pausedAt: string | null;
  readonly lastErrorCode: string | null;
  readonly lastError: string | null;
  readonly nextPollAt: string | null;
  /** Distinct items ever seen in this feed. */
  readonly itemCount: number;
}

export type FeedChanges = Partial<Omit<FeedRecord, 'id' | 'url' | 'addedAt' | 'source' | 'itemCount'>>;

const COLUMNS: Record<keyof FeedChanges, string> = {
  title: 'title',
  siteUrl: 'site_url',
  etag: 'etag',
  lastModified: 'last_modified',
  firstSuccessAt: 'first_success_at',
  lastAttemptAt: 'last_attempt_at',
  lastSuccessAt: 'last_success_at',
  failingSince: 'failing_since',
  consecutiveFailures: 'consecutive_failures',
  pausedAt: 'paused_at',
  lastErrorCode: 'last_error_code',
  lastError: 'last_error',
  nextPollAt: 'next_poll_at',
};

const SELECT = `SELECT f.*, (SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id) AS item_count FROM feeds f`;

type FeedRow = Record<string, unknown>;

const toRecord = (row: FeedRow): FeedRecord => ({
  id: row.id as number,
  url: row.url as string,
  title: row.title as string | null,
  siteUrl: row.site_url as string | null,
  source: row.source as string,
  addedAt: row.added_at as string,
  etag: row.etag as string | null,
  lastModified: row.last_modified as string | null,
  firstSuccessAt: row.first_success_at as string | null,
  lastAttemptAt: row.last_attempt_at as string | null,
  lastSuccessAt: row.last_success_at as string | null,
  failingSince: row.failing_since as string | null,
  consecutiveFailures: row.consecutive_failures as number,
  pausedAt: row.paused_at as string | null,
  lastErrorCode: row.last_error_code as string | null,
  lastError: row.last_error as string | null,
  nextPollAt: row.next_poll_at as string | null,
  itemCount: row.item_count as number,
});

/** The only place that reads and writes the `feeds` and `feed_settings` tables. */
export class FeedStore {
  constructor(private readonly db: Db) {}

  insert(feed: { url: string; source: string; addedAt: string; title?: string | null }): FeedRecord {
    const id = Number(
      this.db
        .prepare('INSERT INTO feeds (url, source, added_at, title) VALUES (?, ?, ?, ?)')
        .run(feed.url, feed.source, feed.addedAt, feed.title ?? null).lastInsertRowid,
    );
    return this.get(id)!;
  }

  get(id: number): FeedRecord | undefined {
    const row = this.db.prepare(`${SELECT} WHERE f.id = ?`).get(id) as FeedRow | undefined;
    return row && toRecord(row);
  }

  findByUrl(url: string): FeedRecord | undefined {
    const row = this.db.prepare(`${SELECT} WHERE f.url = ?`).get(url) as FeedRow | undefined;
    return row && toRecord(row);
  }

  list(): FeedRecord[] {
    return (this.db.prepare(`${SELECT} ORDER BY f.id`).all() as FeedRow[]).map(toRecord);
  }

  /** Feeds to poll now: not paused, and past any backoff or Retry-After. */
  due(now: string): FeedRecord[] {
    return (
      this.db
        .prepare(`${SELECT} WHERE f.paused_at IS NULL AND (f.next_poll_at IS NULL OR f.next_poll_at <= ?) ORDER BY f.id`)
        .all(now) as FeedRow[]
    ).map(toRecord);
  }

  update(id: number, changes: FeedChanges): void {
    const keys = Object.keys(changes) as (keyof FeedChanges)[];
    if (keys.length === 0) return;
    const assignments = keys.map((key) => `${COLUMNS[key]} = @${key}`).join(', ');
    this.db.prepare(`UPDATE feeds SET ${assignments} WHERE id = @id`).run({ ...changes, id });
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM feeds WHERE id = ?').run(id);
  }

  setting(key: string): string | undefined {
    return this.db.prepare('SELECT value FROM feed_settings WHERE key = ?').pluck().get(key) as string | undefined;
  }

  setSetting(key: string, value: string): void {
    this.db.prepare('INSERT INTO feed_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
