import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { ArticleInput } from '../ingest/articleInput.ts';
import type { Ingestor } from '../ingest/ingestor.ts';
import type { PreparedArticle } from '../ingest/preparedArticle.ts';
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

interface PendingItem {
  readonly item: FeedItem;
  readonly key: string;
  readonly fingerprint: string;
  /** Stored without alerts (see FeedItemIngest). */
  readonly quiet: boolean;
}

/** A poll's items, sorted and prepared, that `FeedItemIngest.store` writes. */
export interface PreparedPoll {
  /** The items left out: unchanged since the last poll, or failed (could not be prepared). */
  readonly counts: ItemCounts;
  readonly items: readonly (PendingItem & { readonly prepared: PreparedArticle })[];
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
   * The first half of storing a poll: which items are new or changed, and those prepared
   * (Ingestor.prepare: cleaned, split, claims extracted), off the main thread when there is
   * enough text. Nothing is written yet; `store` writes the poll in one go.
   */
  async prepare(feed: FeedRecord, items: readonly FeedItem[], options: { firstPoll: boolean }): Promise<PreparedPoll> {
    const counts = emptyCounts();
    const keysThisPoll = new Set<string>();
    const now = this.clock.now();
    const pending: PendingItem[] = [];
    for (const item of items) {
      const key = itemKey(item);
      // Feeds repeat guids within one document (seen in the wild): the first wins.
      if (keysThisPoll.has(key)) continue;
      keysThisPoll.add(key);
      const fingerprint = itemFingerprint(item);
      if (this.seen.find(feed.id, key)?.fingerprint === fingerprint) {
        counts.unchanged += 1;
        continue;
      }
      pending.push({ item, key, fingerprint, quiet: options.firstPoll || this.isTooOldToAlert(item, now) });
    }
    return { counts, items: await this.prepareAll(feed, pending, counts) };
  }

  /**
   * All at once; should that fail, one by one, so that an item that cannot be prepared is
   * counted failed (and logged) while the rest of the poll is kept, as when storing.
   */
  private async prepareAll(feed: FeedRecord, pending: readonly PendingItem[], counts: ItemCounts): Promise<PreparedPoll['items']> {
    const inputs = pending.map(({ item, key }) => articleInput(feed, item, key));
    try {
      const prepared = await this.ingestor.prepare(inputs);
      return pending.map((p, i) => ({ ...p, prepared: prepared[i]! }));
    } catch (error) {
      this.logger.debug({ err: error, feed: feed.url }, 'a poll could not be prepared at once: preparing it item by item');
    }
    const kept: PreparedPoll['items'][number][] = [];
    for (const [i, p] of pending.entries()) {
      try {
        kept.push({ ...p, prepared: (await this.ingestor.prepare([inputs[i]!]))[0]! });
      } catch (error) {
        this.logger.warn({ err: error, feed: feed.url, item: p.item.link ?? p.item.guid }, 'feed item could not be prepared');
        counts.failed += 1;
      }
    }
    return kept;
  }

  /**
   * A prepared poll's items in one transaction, without a savepoint each: FTS5 writes its pending
   * index out at every savepoint (store/atomic.ts), 13–24% of storing an item (measured on 3,000
   * generated items in polls of 50). When one fails, the poll's writes go back and it is
   * stored again item by item, each in its own savepoint, so that only the failing ones are lost.
   */
  store(feed: FeedRecord, poll: PreparedPoll): ItemCounts {
    try {
      return this.inTransaction(() => this.storeAll(feed, poll, 'together'));
    } catch (error) {
      this.logger.debug({ err: error, feed: feed.url }, 'an item failed: storing this poll item by item');
      return this.inTransaction(() => this.storeAll(feed, poll, 'apart'));
    }
  }

  /** Both halves at once: `prepare`, then `store`. */
  async ingest(feed: FeedRecord, items: readonly FeedItem[], options: { firstPoll: boolean }): Promise<ItemCounts> {
    return this.store(feed, await this.prepare(feed, items, options));
  }

  private storeAll(feed: FeedRecord, poll: PreparedPoll, mode: 'together' | 'apart'): ItemCounts {
    const counts = { ...poll.counts };
    const now = this.clock.now().toISOString();
    for (const pending of poll.items) {
      const stored = this.storeOne(feed, pending, mode);
      counts[stored.status] += 1;
      if (stored.status === 'failed') continue;
      this.seen.record(feed.id, pending.key, { articleId: stored.articleId, fingerprint: pending.fingerprint }, now);
    }
    return counts;
  }

  private storeOne(feed: FeedRecord, { item, prepared, quiet }: PendingItem & { prepared: PreparedArticle }, mode: 'together' | 'apart'): { status: keyof ItemCounts; articleId: number | null } {
    if (mode === 'together') {
      const report = this.ingestor.storePrepared(prepared, { quiet });
      return { status: report.status, articleId: report.id };
    }
    try {
      // Its own savepoint inside the poll's transaction: a failed item is caught below, so
      // what it wrote before failing must go back, and the items before it must stay.
      const report = this.inTransaction(() => this.ingestor.storePrepared(prepared, { quiet }));
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
