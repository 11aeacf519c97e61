import type { Db } from './database.ts';

/**
 * `db.transaction(fn)` for writes that belong together (an article and its sentences, a story
 * signature and the article's story): a transaction of their own when none is open, else part
 * of the open one, not a savepoint inside it.
 *
 * Why not a savepoint: FTS5 writes its pending index out at every savepoint
 * (fts5SavepointMethod), so a savepoint per article made a 500-article batch write 500 small
 * index segments and merge them. The same 3,000 documents went into FTS5 at 79 µs each in one
 * transaction, 218–296 µs with a savepoint each.
 *
 * So whoever opens a transaction owns its atomicity. A caller that catches a failure inside its
 * transaction and carries on must give each unit its own savepoint: FeedItemIngest does, per
 * item, when a poll has to be stored again after an item failed. Nothing else in the core
 * catches inside a transaction.
 */
export function atomic<A extends unknown[], R>(db: Db, fn: (...args: A) => R): (...args: A) => R {
  let own: ((...args: A) => R) | undefined;
  return (...args: A): R => (db.inTransaction ? fn(...args) : (own ??= db.transaction(fn))(...args));
}
