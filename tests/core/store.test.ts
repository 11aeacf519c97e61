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

  it('lists newest first with undated articles last, and a window takes undated ones by fetch time', () => {
    temp = tempCore();
    const { articles } = temp.core;
    const store = (title: string, publishedAt: string | null, fetchedAt: string) =>
      articles.insert({ title, outlet: null, author: null, url: null, guid: null, feedId: null, origin: 'test', summary: null,
        body: `${title} body.`, contentHash: title, publishedAt, fetchedAt, sentences: [{ text: `${title} body.`, paragraph: 0 }] });
    store('old', '2024-05-01T00:00:00.000Z', '2024-09-01T00:00:00.000Z');
    store('undated', null, '2024-05-02T12:00:00.000Z');
    store('new', '2024-05-03T00:00:00.000Z', '2024-09-01T00:00:00.000Z');
    store('outside', '2024-06-01T00:00:00.000Z', '2024-09-01T00:00:00.000Z');
    expect(articles.list().map((a) => a.title)).toEqual(['outside', 'new', 'old', 'undated']);
    expect(articles.list({ limit: 2 }).map((a) => a.title)).toEqual(['outside', 'new']);
    const may = articles.list({ since: '2024-05-01T00:00:00.000Z', until: '2024-05-10T00:00:00.000Z' });
    expect(may.map((a) => a.title)).toEqual(['new', 'old', 'undated']);
    expect(articles.list({ since: '2024-05-02T00:00:00.000Z' }).map((a) => a.title)).toEqual(['outside', 'new', 'undated']);
  });
});
