import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { ArticleStore } from '../../src/core/store/articleStore.ts';
import { openDatabase } from '../../src/core/store/database.ts';
import { applyMigrations, loadMigrations } from '../../src/core/store/migrate.ts';
import { decodeSentences, encodeSentences } from '../../src/core/store/storedSentences.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

describe('sentences stored as places in their article’s body', () => {
  let temp: TempCore | undefined;
  afterEach(() => temp?.cleanup());

  it('reads back exactly the sentences written: repeated ones, emoji before them, one the splitter changed', () => {
    const body = '🚀 Kyiv said so. Kyiv said so.\n\nThe U.S. agreed. “We will,” he said — 300 km.';
    const sentences = [
      { text: '🚀 Kyiv said so.', paragraph: 0 },
      { text: 'Kyiv said so.', paragraph: 0 },
      { text: 'The U.S. agreed.', paragraph: 1 },
      { text: 'We will, he said (edited).', paragraph: 1 },
      { text: '“We will,” he said — 300 km.', paragraph: 1 },
    ];
    const stored = encodeSentences(body, sentences);
    expect(JSON.parse(stored)).toEqual([[0, 16, 0], [17, 30, 0], [32, 48, 1], ['We will, he said (edited).', 1], [49, 77, 1]]);
    expect(decodeSentences(body, stored)).toEqual(sentences);
  });

  it('gives an article’s sentences back in order with their positions and paragraphs', () => {
    temp = tempCore();
    const { articles } = temp.core;
    const body = 'First one. Second one.\n\nThird one.';
    const id = articles.insert({ title: 'T', outlet: null, author: null, url: null, guid: null, feedId: null, origin: 'test', summary: null, body,
      contentHash: 'h', publishedAt: null, fetchedAt: '2024-09-01T00:00:00.000Z',
      sentences: [{ text: 'First one.', paragraph: 0 }, { text: 'Second one.', paragraph: 0 }, { text: 'Third one.', paragraph: 1 }] });
    expect(articles.sentences(id)).toEqual([
      { articleId: id, position: 0, paragraph: 0, text: 'First one.' },
      { articleId: id, position: 1, paragraph: 0, text: 'Second one.' },
      { articleId: id, position: 2, paragraph: 1, text: 'Third one.' },
    ]);
    expect(articles.sentences(id + 1)).toEqual([]);
  });

  it('keeps the sentences of a database made before migration 012, in order, as places where it can', () => {
    temp = tempCore();
    // Opened bare, not with openDatabase, which would apply every migration at once.
    const db = new Database(`${temp.dir}/old.db`);
    applyMigrations(db, loadMigrations().filter((m) => m.version < 12));
    const article = db.prepare("INSERT INTO articles (id, title, body, content_hash, fetched_at, updated_at) VALUES (?, 'T', ?, ?, '2024', '2024')");
    article.run(5, 'A. B. A.\n\nC.', 'h5');
    article.run(6, 'Zelenskyy’s plea. Kyiv asked.', 'h6');
    const sentence = db.prepare('INSERT INTO sentences (article_id, position, paragraph, text) VALUES (?, ?, ?, ?)');
    for (const [id, position, paragraph, text] of [[5, 3, 1, 'C.'], [5, 0, 0, 'A.'], [5, 2, 0, 'A.'], [5, 1, 0, 'B.'], [6, 0, 0, 'Zelenskyy’s plea.'], [6, 1, 0, 'Kyiv asked.']] as const) {
      sentence.run(id, position, paragraph, text);
    }
    expect(applyMigrations(db)).toContain(12);
    const store = new ArticleStore(db);
    expect(store.sentences(5).map((s) => [s.position, s.paragraph, s.text])).toEqual([[0, 0, 'A.'], [1, 0, 'B.'], [2, 0, 'A.'], [3, 1, 'C.']]);
    expect(store.sentences(6).map((s) => s.text)).toEqual(['Zelenskyy’s plea.', 'Kyiv asked.']);
    // An ASCII body keeps places only; offsets in a body with ’ would differ between SQLite and JavaScript.
    const stored = (id: number) => JSON.parse(db.prepare('SELECT spans FROM article_sentences WHERE article_id = ?').pluck().get(id) as string);
    expect(stored(5)).toEqual([[0, 2, 0], [3, 5, 0], [0, 2, 0], [10, 12, 1]]);
    expect(stored(6)).toEqual([['Zelenskyy’s plea.', 0], ['Kyiv asked.', 0]]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'sentences'").get()).toBeUndefined();
    db.close();
  });

  it('says in the log that an existing database was upgraded, and how long it took', () => {
    temp = tempCore();
    const db = new Database(`${temp.dir}/old.db`);
    applyMigrations(db, loadMigrations().filter((m) => m.version < 12));
    db.close();
    const lines: string[] = [];
    openDatabase(`${temp.dir}/old.db`, pino({ level: 'info' }, { write: (line: string) => void lines.push(line) })).close();
    expect(lines.map((line) => JSON.parse(line) as { msg: string; migrations: number[]; ms: number })).toEqual([
      expect.objectContaining({ msg: 'database upgraded', migrations: loadMigrations().filter((m) => m.version >= 12).map((m) => m.version), ms: expect.any(Number) }),
    ]);
    lines.length = 0;
    openDatabase(`${temp.dir}/new.db`, pino({ level: 'info' }, { write: (line: string) => void lines.push(line) })).close();
    expect(lines).toEqual([]);
  });
});
