import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { ArticleInput } from '../ingest/articleInput.ts';
import type { Ingestor } from '../ingest/ingestor.ts';
import type { FeedItem } from './feedItem.ts';
import type { FeedRecord } from './feedStore.ts';
import { itemFingerprint, itemKey } from './itemKey.ts';
import type { SeenItemStore } from './seenItemStore.ts';

export interface ItemCounts {
  new: number;
  updated: number;
  unchanged: number;
  /** Same text as an article we already had (another feed, the corpus). */
  duplicate: number;
  /** Nothing left after cleaning (title-only items). */
  empty: number;
  failed: number;
}

export const emptyCounts = (): ItemCounts => ({ new: 0, updated: 0, unchanged: 0, duplicate: 0, empty: 0, failed: 0 });

/**
 * Feed items → articles, remembering every item per feed (feed_items), so that a restart or
 * a feed re-listing old items never creates an article twice, and an edited item updates
 * its article instead of adding one.
 *
 * Alerts: `quiet` is passed to the ingestor (stages store, but trigger nothing) when
 *  - this is the feed's first successful poll: a new feed lists 20–100 old items, and
 *    posting them all would flood every channel (the "backfill flood");
 *  - the item is older than `maxAlertAgeMs` (a feed that resurfaces last month's story).
 */
export class FeedItemIngest {
  constructor(
    private readonly ingestor: Ingestor,
    private readonly seen: SeenItemStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly maxAlertAgeMs: number,
    /** One transaction per poll of a feed (one commit instead of one per item); nested, a savepoint. */
    private readonly inTransaction: <T>(work: () => T) => T,
  ) {}

  /**
   * A poll's items in one transaction, without a savepoint each: FTS5 writes its pending index
   * out at every savepoint (store/atomic.ts), 13–24% of storing an item (measured on 3,000
   * generated items in polls of 50). When one fails, the poll's writes go back and it is
   * stored again item by item, each in its own savepoint, so that only the failing ones are lost.
   */
  ingest(feed: FeedRecord, items: readonly FeedItem[], options: { firstPoll: boolean }): ItemCounts {
    try {
      return this.inTransaction(() => this.ingestAll(feed, items, options, 'together'));
    } catch (error) {
      this.logger.debug({ err: error, feed: feed.url }, 'an item failed: storing this poll item by item');
      return this.inTransaction(() => this.ingestAll(feed, items, options, 'apart'));
    }
  }

  private ingestAll(feed: FeedRecord, items: readonly FeedItem[], options: { firstPoll: boolean }, mode: 'together' | 'apart'): ItemCounts {
    const counts = emptyCounts();
    const keysThisPoll = new Set<string>();
    const now = this.clock.now();
    for (const item of items) {
      const key = itemKey(item);
      // Feeds repeat guids within one document (seen in the wild): the first wins.
      if (keysThisPoll.has(key)) continue;
      keysThisPoll.add(key);
      const fingerprint = itemFingerprint(item);
      const before = this.seen.find(feed.id, key);
      if (before?.fingerprint === fingerprint) {
        counts.unchanged += 1;
        continue;
      }
      const quiet = options.firstPoll || this.isTooOldToAlert(item, now);
      const stored = this.store(feed, item, key, quiet, mode);
      counts[stored.status] += 1;
      if (stored.status === 'failed') continue;
      this.seen.record(feed.id, key, { articleId: stored.articleId, fingerprint }, now.toISOString());
    }
    return counts;
  }

  private store(feed: FeedRecord, item: FeedItem, key: string, quiet: boolean, mode: 'together' | 'apart'): { status: keyof ItemCounts; articleId: number | null } {
    const input = articleInput(feed, item, key);
    if (mode === 'together') {
      const report = this.ingestor.ingest(input, { quiet });
      return { status: report.status, articleId: report.id };
    }
    try {
      // Its own savepoint inside the poll's transaction: a failed item is caught below, so
      // what it wrote before failing must go back, and the items before it must stay.
      const report = this.inTransaction(() => this.ingestor.ingest(input, { quiet }));
      return { status: report.status, articleId: report.id };
    } catch (error) {
      this.logger.warn({ err: error, feed: feed.url, item: item.link ?? item.guid }, 'feed item could not be stored');
      return { status: 'failed', articleId: null };
    }
  }

  private isTooOldToAlert(item: FeedItem, now: Date): boolean {
    if (!item.publishedAt) return false;
    return now.getTime() - Date.parse(item.publishedAt) > this.maxAlertAgeMs;
  }
}

const articleInput = (feed: FeedRecord, item: FeedItem, key: string): ArticleInput => ({
  title: item.title,
  text: item.text || item.title || '',
  url: item.link,
  // Items without a guid are found again by their key (link or title + date).
  guid: item.guid ?? key,
  feedId: feed.id,
  outlet: feed.title ?? undefined,
  author: item.author,
  summary: item.summary,
  publishedAt: item.publishedAt,
  origin: feed.url,
});
