import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { ChannelRef } from '../commands/command.ts';
import type { IngestStage } from '../ingest/ingestor.ts';
import { appError, err, ok, type AppError, type Result } from '../result.ts';
import type { Article, ArticleStore } from '../store/articleStore.ts';
import type { Db } from '../store/database.ts';
import { articleTokens } from './articleTokens.ts';
import type { TopicDefinition } from './defaultTopics.ts';
import type { QueryNode } from './queryAst.ts';
import type { TopicQueryError } from './queryError.ts';
import { parseQuery } from './queryParser.ts';
import { TopicIndex } from './topicIndex.ts';
import type { PreparedMatches, TopicSnapshot } from './topicPreparation.ts';
import { TOPIC_ID, type ChannelTopics, type TopicRecord } from './topicRecord.ts';
import type { TopicStore } from './topicStore.ts';

/** A hosted bot carries thousands of topics overall; one channel needs far fewer. */
export const MAX_TOPICS_PER_CHANNEL = 200;
/** A new or changed topic is matched against this many of the newest stored articles. */
export const BACKFILL_ARTICLES = 5000;

const TOPIC_PREPARATION = new URL('./topicPreparation.ts', import.meta.url).href;

export interface TopicMatch {
  readonly topic: string;
  readonly name: string;
  readonly row: number;
  /** The channel whose topic it is, or null for a default topic. */
  readonly scope: ChannelRef | null;
}

export interface TopicPreview {
  /** Newest first, at most the limit asked for. */
  readonly articles: readonly Article[];
  /** How many of the scanned articles match in all. */
  readonly matched: number;
  readonly scanned: number;
}

/**
 * Tracked topics as the rest of the core sees them (`core.topics`): every channel's topics and
 * the defaults, compiled into one percolator index; matches recorded per article at ingest.
 *
 * Defaults (data/topics.json) apply to every channel that has not changed its topics. The
 * first `topics add` or `topics remove` in a channel copies the defaults into it (with their
 * recorded matches) and applies the change there, so removing a default affects only that
 * channel, and adding one keeps the defaults it already had. From then on the channel keeps its
 * own set, even when empty; later edits of data/topics.json do not reach it.
 */
export class TopicService {
  private readonly index = new TopicIndex<number>();
  private readonly records = new Map<number, TopicRecord>();
  /** The store's signature when the index last agreed with it (see refresh). */
  private signature = '';
  /** The store's otherConnectionsVersion when last checked. */
  private seenVersion = -1;
  /** This service changed the table itself since the signature was taken. */
  private dirty = true;
  /** Counts changes to the index: workers' matches are used only if made at the current one. */
  private generation = 0;
  readonly stage: IngestStage;

  constructor(
    private readonly db: Db,
    private readonly store: TopicStore,
    private readonly articles: ArticleStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.refresh();
    const snapshot = () => this.snapshot();
    this.stage = {
      name: 'topics',
      // Read when a bulk import starts its workers: the topics as they are then.
      get prepare() {
        return { module: TOPIC_PREPARATION, options: snapshot() };
      },
      run: (article, { prepared, status }) => {
        this.refresh();
        const matches = prepared as PreparedMatches | undefined;
        const rows = matches?.generation === this.generation ? matches.rows : this.index.match(articleTokens(article)).sort((a, b) => a - b);
        this.store.recordMatches(article.id, rows, this.clock.now().toISOString(), { replacing: status === 'updated' });
        return { topics: [...new Set(rows.map((row) => this.records.get(row)!.topic))].sort() };
      },
    };
  }

  /** The indexed topics and their generation, for the ingest workers (topicPreparation.ts). */
  private snapshot(): TopicSnapshot {
    this.refresh();
    return { generation: this.generation, topics: [...this.records.values()].map((record) => [record.row, record.query] as const) };
  }

  /** Makes the stored defaults equal `definitions` (data/topics.json), matching changed ones anew. */
  syncDefaults(definitions: readonly TopicDefinition[]): void {
    this.db.transaction(() => {
      const wanted = new Map(definitions.map((d) => [d.id, d]));
      for (const record of this.store.inScope(null)) {
        if (!wanted.has(record.topic)) this.drop(record);
      }
      for (const definition of definitions) {
        const existing = this.store.find(null, definition.id);
        if (existing && existing.query === definition.query && existing.name === definition.name) continue;
        this.save(null, { topic: definition.id, name: definition.name, query: definition.query }, parseQuery(definition.query));
      }
    })();
  }

  /** The topics a channel follows: its own set, or the defaults while it has none. */
  forChannel(channel: ChannelRef): ChannelTopics {
    return this.store.isCustomised(channel) ? { topics: this.store.inScope(channel), source: 'channel' } : { topics: this.store.inScope(null), source: 'defaults' };
  }

  defaults(): TopicRecord[] {
    return this.store.inScope(null);
  }

  /** Adds a topic to the channel, or replaces the query of the one with that id. */
  add(channel: ChannelRef, topic: string, query: string): Result<{ record: TopicRecord; replaced: boolean; matched: number }, AppError | TopicQueryError> {
    if (!TOPIC_ID.test(topic)) return err(appError('topics/bad-id', 'A topic name is 1–64 lower-case letters, digits, "-" or "_".'));
    const parsed = parseQuery(query);
    if (!parsed.ok) return parsed;
    return this.db.transaction(() => {
      this.customise(channel);
      const replaced = this.store.find(channel, topic) !== undefined;
      if (!replaced && this.store.inScope(channel).length >= MAX_TOPICS_PER_CHANNEL) {
        return err(appError('topics/too-many', `This channel already follows ${MAX_TOPICS_PER_CHANNEL} topics; remove one first.`));
      }
      const { record, matched } = this.save(channel, { topic, name: topic, query }, parsed);
      return ok({ record, replaced, matched });
    })();
  }

  remove(channel: ChannelRef, topic: string): Result<TopicRecord, AppError> {
    return this.db.transaction(() => {
      const own = this.store.isCustomised(channel) ? this.store.find(channel, topic) : this.store.find(null, topic);
      if (!own) return err(appError('topics/unknown', `This channel does not follow a topic named "${topic.slice(0, 64)}".`));
      this.customise(channel);
      const record = this.store.find(channel, topic)!;
      this.drop(record);
      return ok(record);
    })();
  }

  /** Every topic (of any channel, or default) the article matched when it was ingested. */
  matchesFor(articleId: number): TopicMatch[] {
    this.refresh();
    return this.store.matchedRows(articleId).flatMap((row) => {
      const record = this.records.get(row);
      return record ? [{ topic: record.topic, name: record.name, row, scope: record.scope }] : [];
    });
  }

  /** The ids of the channel's topics (its own or the defaults) that the article matched. */
  channelMatches(articleId: number, channel: ChannelRef): string[] {
    const rows = new Set(this.store.matchedRows(articleId));
    return this.forChannel(channel).topics.filter((t) => rows.has(t.row)).map((t) => t.topic);
  }

  /** Articles in [since, until) that matched any of the channel's topics, newest first. */
  articlesFor(channel: ChannelRef, window: { since: string; until: string }): Article[] {
    const rows = this.forChannel(channel).topics.map((t) => t.row);
    return this.store.articlesMatching(rows, window.since, window.until).map((id) => this.articles.get(id)!);
  }

  /** Which stored articles a query would match (newest first): the preview before saving. */
  test(query: string, limit = 10): Result<TopicPreview, TopicQueryError> {
    const parsed = parseQuery(query);
    if (!parsed.ok) return parsed;
    const ids = this.matchStored(parsed.value);
    return ok({ articles: ids.slice(0, limit).map((id) => this.articles.get(id)!), matched: ids.length, scanned: Math.min(this.articles.count(), BACKFILL_ARTICLES) });
  }

  /**
   * Brings the index in line with the table when another process changed it (`newsbrief
   * topics add` while the bot runs): only the topics that differ are added, changed or removed.
   * It runs for every ingested article: when no other connection has committed and this one
   * changed no topic, it costs one pragma read, not an aggregate over every topic.
   */
  private refresh(): void {
    const version = this.store.otherConnectionsVersion();
    if (!this.dirty && version === this.seenVersion) return;
    this.seenVersion = version;
    this.dirty = false;
    const signature = this.store.signature();
    if (signature === this.signature) return;
    const stored = new Map(this.store.all().map((record) => [record.row, record]));
    for (const row of [...this.records.keys()]) {
      if (stored.has(row)) continue;
      this.records.delete(row);
      this.index.remove(row);
      this.generation++;
    }
    for (const [row, record] of stored) {
      const known = this.records.get(row);
      if (!known || known.query !== record.query || known.updatedAt !== record.updatedAt) this.load(record);
    }
    this.signature = signature;
  }

  private customise(channel: ChannelRef): void {
    if (this.store.isCustomised(channel)) return;
    const now = this.clock.now().toISOString();
    for (const record of this.store.inScope(null)) {
      const copy = this.store.upsert(channel, { topic: record.topic, name: record.name, query: record.query }, now);
      this.store.copyMatches(record.row, copy.row);
      this.load(copy);
    }
    this.store.markCustomised(channel, now);
    this.dirty = true;
  }

  /** Stores a topic, (re)indexes it and records its matches among stored articles. */
  private save(scope: ChannelRef | null, topic: { topic: string; name: string; query: string }, parsed: Result<QueryNode, TopicQueryError>): { record: TopicRecord; matched: number } {
    if (!parsed.ok) throw new Error(`topic ${topic.topic}: ${parsed.error.message}`);
    const now = this.clock.now().toISOString();
    const record = this.store.upsert(scope, topic, now);
    this.dirty = true;
    this.generation++;
    this.records.set(record.row, record);
    this.index.add(record.row, parsed.value);
    const ids = this.matchStored(parsed.value);
    this.store.recordTopicMatches(record.row, ids, now);
    return { record, matched: ids.length };
  }

  private drop(record: TopicRecord): void {
    this.store.delete(record.row);
    this.dirty = true;
    this.generation++;
    this.records.delete(record.row);
    this.index.remove(record.row);
  }

  private load(record: TopicRecord): void {
    const parsed = parseQuery(record.query);
    if (!parsed.ok) {
      // Only possible if the language got stricter since the topic was saved: keep the row, skip it.
      this.logger.warn({ topic: record.topic, scope: record.scope, error: parsed.error.message }, 'stored topic no longer parses; not matched');
      return;
    }
    this.records.set(record.row, record);
    this.index.add(record.row, parsed.value);
    this.generation++;
  }

  /** Ids of the newest stored articles the query matches (newest first). */
  private matchStored(query: QueryNode): number[] {
    const single = new TopicIndex<number>();
    single.add(0, query);
    const ids: number[] = [];
    for (const article of this.store.newestArticles(BACKFILL_ARTICLES)) {
      if (single.match(articleTokens(article)).length > 0) ids.push(article.id);
    }
    return ids;
  }
}
