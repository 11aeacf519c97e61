import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyMigrations } from './migrate.ts';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the one SQLite file that holds the whole corpus and state.
 * WAL lets the web chat read while the poller writes; foreign keys keep sentences, matches
 * and claims from outliving their article; migrations run before anyone else touches it.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  applyMigrations(db);
  return db;
}
