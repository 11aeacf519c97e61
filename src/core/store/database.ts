import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyMigrations } from './migrate.ts';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the one SQLite file that holds the whole corpus and state.
 * WAL lets the web chat read while the poller writes; foreign keys keep sentences, matches
 * and claims from outliving their article; migrations run before anyone else touches it.
 */
export function openDatabase(path: string, logger?: Logger): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const started = performance.now();
  const applied = applyMigrations(db);
  // An upgrade can take a while on a large corpus (012 rewrites every article's sentences):
  // the operator sees why the start paused. A new file applies them all from 001: no news.
  if (applied.length > 0 && applied[0] !== 1) {
    logger?.info({ migrations: applied, ms: Math.round(performance.now() - started) }, 'database upgraded');
  }
  return db;
}
