import { afterEach, describe, expect, it } from 'vitest';
import type { NewArticle } from '../../src/core/store/articleStore.ts';
import { openDatabase } from '../../src/core/store/database.ts';
import { applyMigrations, loadMigrations } from '../../src/core/store/migrate.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

const draft = (title: string, body: string): NewArticle => ({ title, outlet: null, author: null, url: null, guid: null, feedId: null,
  origin: 'test', summary: null, body, contentHash: title, publishedAt: null, fetchedAt: '2024-09-01T00:00:00.000Z', sentences: [{ text: body, paragraph: 0 }] });

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

  it('lets FTS5 hold one bulk-import transaction of index in memory before writing a segment (migration 013)', () => {
    temp = tempCore();
    const setting = temp.core.db.prepare("SELECT v FROM articles_fts_config WHERE k = 'hashsize'").pluck().get();
    expect(setting).toBe(16 * 1024 * 1024);
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
    expect(db.prepare('SELECT COUNT(*) FROM article_sentences WHERE article_id = ?').pluck().get(id)).toBe(0);
    const ftsRows = db.prepare(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH '"ukraine"'`).pluck().all();
    expect(ftsRows).toHaveLength(4);
    expect(ftsRows).not.toContain(id);
  });

  it('indexes a new article for search as the store writes it (no trigger since migration 011)', () => {
    temp = tempCore();
    const { db, articles } = temp.core;
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = 'articles_ai'").get()).toBeUndefined();
    const id = articles.insert(draft('Storm Shadow decision', 'London weighs the Storm Shadow request.'));
    const found = db.prepare(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH '"storm shadow"'`).pluck().all();
    expect(found).toEqual([id]);
  });

  it('writes an article, its sentences and its index row all or not at all', () => {
    temp = tempCore();
    const { db, articles } = temp.core;
    // Fails after the article row and its index row are written, while its sentences are.
    const unreadable = { paragraph: 0, get text(): string { throw new Error('unreadable sentence'); } };
    const broken = { ...draft('Half written', 'First sentence.'), sentences: [{ text: 'First sentence.', paragraph: 0 }, unreadable] };
    expect(() => articles.insert(broken)).toThrow(/unreadable sentence/);
    expect(articles.count()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM article_sentences').pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '"half"'`).pluck().get()).toBe(0);
    // Inside a transaction someone else opened, the failure is theirs to roll back: all of it.
    expect(() => articles.transaction(() => {
      articles.insert(draft('Kept until the end', 'It fails after me.'));
      articles.insert(broken);
    })).toThrow(/unreadable sentence/);
    expect(articles.count()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '"kept"'`).pluck().get()).toBe(0);
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
