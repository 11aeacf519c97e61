import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/store/database.ts';
import { applyMigrations, loadMigrations } from '../../src/core/store/migrate.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

describe('the SQLite store', () => {
  let temp: TempCore | undefined;
  afterEach(() => temp?.cleanup());

  it('creates a WAL-mode file with foreign keys on and every migration applied in order', () => {
    temp = tempCore();
    const { db } = temp.core;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const applied = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(applied).toEqual(loadMigrations().map((m) => m.version));
  });

  it('applies nothing twice when the same file is opened again', () => {
    temp = tempCore();
    temp.core.close();
    const again = openDatabase(temp.dbPath);
    expect(applyMigrations(again)).toEqual([]);
    again.close();
  });

  it('deletes an article’s sentences with it (foreign key cascade) and keeps FTS in step', () => {
    temp = tempCore({ seed: true });
    const { db, articles } = temp.core;
    const id = articles.list()[0]!.id;
    expect(articles.sentences(id).length).toBeGreaterThan(3);
    db.prepare('DELETE FROM articles WHERE id = ?').run(id);
    expect(db.prepare('SELECT COUNT(*) FROM sentences WHERE article_id = ?').pluck().get(id)).toBe(0);
    const ftsRows = db.prepare(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH '"ukraine"'`).pluck().all();
    expect(ftsRows).toHaveLength(4);
    expect(ftsRows).not.toContain(id);
  });
});
