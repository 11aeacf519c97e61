import type { ChannelRef } from '../commands/command.ts';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/database.ts';
import type { TopicRecord } from './topicRecord.ts';

interface TopicRow {
  id: number;
  platform: string;
  workspace: string;
  channel: string;
  topic: string;
  name: string;
  query: string;
  created_at: string;
  updated_at: string;
}

/** The defaults' scope in the table (see 003_topics.sql). */
const DEFAULT_SCOPE = { platform: 'default', workspace: '', channel: '' };

const scopeOf = (channel: ChannelRef | null) =>
  channel ? { platform: channel.platform, workspace: channel.workspace, channel: channel.channel } : DEFAULT_SCOPE;

const toRecord = (row: TopicRow): TopicRecord => ({
  row: row.id,
  topic: row.topic,
  name: row.name,
  query: row.query,
  scope: row.platform === 'default' ? null : { platform: row.platform as ChannelRef['platform'], workspace: row.workspace, channel: row.channel },
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The only place that reads and writes `topics`, `topic_channels` and `article_topics`. */
export class TopicStore {
  /** Statements by their SQL, prepared on first use: ingest runs several of them per article. */
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /**
   * SQLite's data_version: it moves only when another connection commits, so an unchanged
   * value means no other process touched the topics (0.2 µs, against an aggregate per call).
   */
  otherConnectionsVersion(): number {
    return this.sql('PRAGMA data_version').pluck().get() as number;
  }

  /** Changes whenever a topic is added, changed or removed, by this process or another. */
  signature(): string {
    return this.sql("SELECT COUNT(*) || ':' || COALESCE(MAX(updated_at), '') || ':' || COALESCE(SUM(id), 0) FROM topics").pluck().get() as string;
  }

  all(): TopicRecord[] {
    return (this.sql('SELECT * FROM topics ORDER BY id').all() as TopicRow[]).map(toRecord);
  }

  /** A scope's own topics (null: the defaults), oldest first. */
  inScope(channel: ChannelRef | null): TopicRecord[] {
    const rows = this
      .sql('SELECT * FROM topics WHERE platform = @platform AND workspace = @workspace AND channel = @channel ORDER BY id')
      .all(scopeOf(channel)) as TopicRow[];
    return rows.map(toRecord);
  }

  find(channel: ChannelRef | null, topic: string): TopicRecord | undefined {
    const row = this
      .sql('SELECT * FROM topics WHERE platform = @platform AND workspace = @workspace AND channel = @channel AND topic = @topic')
      .get({ ...scopeOf(channel), topic }) as TopicRow | undefined;
    return row && toRecord(row);
  }

  /** Inserts, or replaces the name and query of the scope's topic with that id. */
  upsert(channel: ChannelRef | null, topic: { topic: string; name: string; query: string }, now: string): TopicRecord {
    this
      .sql(
        `INSERT INTO topics (platform, workspace, channel, topic, name, query, created_at, updated_at)
         VALUES (@platform, @workspace, @channel, @topic, @name, @query, @now, @now)
         ON CONFLICT (platform, workspace, channel, topic) DO UPDATE SET name = excluded.name, query = excluded.query, updated_at = excluded.updated_at`,
      )
      .run({ ...scopeOf(channel), ...topic, now });
    return this.find(channel, topic.topic)!;
  }

  delete(row: number): void {
    this.sql('DELETE FROM topics WHERE id = ?').run(row);
  }

  isCustomised(channel: ChannelRef): boolean {
    return this.sql('SELECT 1 FROM topic_channels WHERE platform = @platform AND workspace = @workspace AND channel = @channel').get(scopeOf(channel)) !== undefined;
  }

  markCustomised(channel: ChannelRef, now: string): void {
    this.sql('INSERT OR IGNORE INTO topic_channels (platform, workspace, channel, customised_at) VALUES (@platform, @workspace, @channel, @now)').run({ ...scopeOf(channel), now });
  }

  /** Replaces the article's recorded matches (an updated article is matched again). */
  recordMatches(articleId: number, rows: readonly number[], now: string, { replacing }: { replacing: boolean }): void {
    // A new article has no matches yet: the delete is only for an updated one (a few µs each in a bulk import).
    if (replacing) this.sql('DELETE FROM article_topics WHERE article_id = ?').run(articleId);
    const insert = this.sql('INSERT OR IGNORE INTO article_topics (article_id, topic_id, matched_at) VALUES (?, ?, ?)');
    for (const row of rows) insert.run(articleId, row, now);
  }

  /** Records matches of one topic (a new or changed topic, matched against stored articles). */
  recordTopicMatches(row: number, articleIds: readonly number[], now: string): void {
    this.sql('DELETE FROM article_topics WHERE topic_id = ?').run(row);
    const insert = this.sql('INSERT OR IGNORE INTO article_topics (article_id, topic_id, matched_at) VALUES (?, ?, ?)');
    for (const id of articleIds) insert.run(id, row, now);
  }

  /** A channel copying the defaults takes their recorded matches along. */
  copyMatches(fromRow: number, toRow: number): void {
    this.sql('INSERT OR IGNORE INTO article_topics (article_id, topic_id, matched_at) SELECT article_id, ?, matched_at FROM article_topics WHERE topic_id = ?').run(toRow, fromRow);
  }

  matchedRows(articleId: number): number[] {
    return this.sql('SELECT topic_id FROM article_topics WHERE article_id = ? ORDER BY topic_id').pluck().all(articleId) as number[];
  }

  /** Ids of articles that matched any of `rows`, published (or fetched) in [since, until). */
  articlesMatching(rows: readonly number[], since: string, until: string): number[] {
    if (rows.length === 0) return [];
    return this
      .sql(
        // Driven by the window (articles_published), each article checked on the primary key:
        // from the topics' side it read every match the channel ever had (59k rows at 100k articles).
        `SELECT a.id FROM articles a
         WHERE ((a.published_at >= @since AND a.published_at < @until) OR (a.published_at IS NULL AND a.fetched_at >= @since AND a.fetched_at < @until))
           AND EXISTS (SELECT 1 FROM article_topics t WHERE t.article_id = a.id AND t.topic_id IN (SELECT value FROM json_each(@rows)))
         ORDER BY a.published_at IS NULL, a.published_at DESC, a.id DESC`,
      )
      .pluck()
      .all({ rows: JSON.stringify(rows), since, until }) as number[];
  }

  /** Stored articles' text, newest first, for previews and for matching a new topic. */
  *newestArticles(limit: number): Generator<{ id: number; title: string; summary: string | null; body: string }> {
    yield* this
      .sql('SELECT id, title, summary, body FROM articles ORDER BY published_at IS NULL, published_at DESC, id DESC LIMIT ?')
      .iterate(limit) as Iterable<{ id: number; title: string; summary: string | null; body: string }>;
  }
}
