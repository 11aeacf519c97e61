import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedItemIngest } from '../../src/core/feedRegistry/feedItemIngest.ts';
import { FeedStore } from '../../src/core/feedRegistry/feedStore.ts';
import { SeenItemStore } from '../../src/core/feedRegistry/seenItemStore.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';
import { item } from './support/fakeFeedSource.ts';

/**
 * How a poll's items reach the database. FTS5 writes its pending index out at every savepoint,
 * so a poll whose items all store must not open one per item; one that fails must lose only
 * the failing item (tests/feeds/restart.test.ts checks what is kept).
 */
describe('storing the items of one poll', () => {
  let temp: TempCore;
  afterEach(() => temp.cleanup());

  function setup(): { ingest: FeedItemIngest; transactions: { count: number }; feed: ReturnType<FeedStore['insert']> } {
    temp = tempCore();
    const { db } = temp.core;
    const transactions = { count: 0 };
    const inTransaction = <T>(work: () => T): T => {
      transactions.count++;
      return db.transaction(work)();
    };
    const feed = new FeedStore(db).insert({ url: 'https://news.example.org/world.xml', source: 'test', addedAt: '2024-09-14T00:00:00.000Z' });
    const ingest = new FeedItemIngest(temp.core.ingestor, new SeenItemStore(db), temp.core.clock, silentLogger(), 72 * 3600_000, inTransaction);
    return { ingest, transactions, feed };
  }

  it('stores a poll whose items all store in one transaction, with no savepoint per item', async () => {
    const { ingest, transactions, feed } = setup();
    expect(await ingest.ingest(feed, [item(1), item(2), item(3)], { firstPoll: false })).toMatchObject({ new: 3, failed: 0 });
    expect(transactions.count).toBe(1);
    expect(temp.core.articles.count()).toBe(3);
  });

  it('stores it again item by item, each in a savepoint, when one item fails', async () => {
    const { ingest, transactions, feed } = setup();
    temp.core.ingestor.addStage({ name: 'flaky', run: (article) => {
      if (article.title.startsWith('Item 2:')) throw new Error('disk hiccup');
      return {};
    } });
    expect(await ingest.ingest(feed, [item(1), item(2), item(3)], { firstPoll: false })).toMatchObject({ new: 2, failed: 1 });
    // The first try, then the poll again, then one savepoint per item.
    expect(transactions.count).toBe(1 + 1 + 3);
    expect(temp.core.articles.count()).toBe(2);
  });

  it('keeps the rest of a poll when one item cannot be prepared, and counts that one failed', async () => {
    const { ingest, feed } = setup();
    const prepare = temp.core.ingestor.prepare.bind(temp.core.ingestor);
    // A failure injected where a worker or the text pipeline could throw on one hostile item.
    vi.spyOn(temp.core.ingestor, 'prepare').mockImplementation(async (inputs) => {
      if (inputs.some((input) => input.title?.startsWith('Item 2:'))) throw new Error('cannot prepare this item');
      return prepare(inputs);
    });
    expect(await ingest.ingest(feed, [item(1), item(2), item(3)], { firstPoll: false })).toMatchObject({ new: 2, failed: 1 });
    expect(temp.core.articles.count()).toBe(2);
    // Not remembered as seen: the next poll tries it again.
    vi.restoreAllMocks();
    expect(await ingest.ingest(feed, [item(1), item(2), item(3)], { firstPoll: false })).toMatchObject({ new: 1, unchanged: 2, failed: 0 });
  });
});
