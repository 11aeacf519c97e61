import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { seedCorpus } from '../../src/core/corpus/seedCorpus.ts';
import { jsonLineBatches, parseArticleFile } from '../../src/core/corpus/articleFile.ts';
import type { ArticleInput } from '../../src/core/ingest/articleInput.ts';
import type { AppError } from '../../src/core/result.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

describe('the bundled corpus', () => {
  let temp: TempCore | undefined;
  afterEach(() => temp?.cleanup());

  it('seeds five articles with clean titles, outlets and dates', () => {
    temp = tempCore({ seed: true });
    const articles = temp.core.articles.list();
    expect(articles).toHaveLength(5);
    expect(articles.map((a) => [a.publishedAt?.slice(0, 10), a.outlet])).toEqual([
      ['2024-09-13', 'Unknown outlet (citing Politico)'],
      ['2024-09-12', 'Fox News'],
      ['2024-09-11', 'CNN'],
      ['2024-05-30', 'CNN'],
      ['2024-05-29', 'NBC News'],
    ]);
    for (const article of articles) {
      expect(article.title).toMatch(/^[A-Z][^\n]{20,160}$/);
      expect(article.origin).toMatch(/^00\d_[0-9a-f]{16}\.txt$/);
    }
    expect(articles.find((a) => a.origin?.startsWith('000'))?.author).toBe('Jennifer Hansler');
  });

  it('adds nothing when seeded again', () => {
    temp = tempCore({ seed: true });
    const again = seedCorpus(temp.core);
    expect(again.every((r) => r.status === 'duplicate')).toBe(true);
    expect(temp.core.articles.count()).toBe(5);
  });

  it('updates rather than duplicates an article whose corpus file was edited', () => {
    temp = tempCore({ seed: true });
    const [input] = parseArticleFile('---\ntitle: "Edited"\noutlet: CNN\norigin: "003_a745eb15039c50e0.txt"\n---\nA new body sentence here.', 'x.md').articles;
    const report = temp.core.ingestor.ingest(input!);
    expect(report.status).toBe('updated');
    expect(temp.core.articles.count()).toBe(5);
  });
});

describe('article files for ingest', () => {
  it('reads JSON lines and reports each bad line with where it was', () => {
    const parsed = parseArticleFile('{"title":"A","text":"One sentence."}\nnot json\n{"text":5}', 'items.jsonl');
    expect(parsed.articles).toHaveLength(1);
    expect(parsed.errors.map((e) => e.message)).toEqual([
      'items.jsonl:2: not valid JSON.',
      expect.stringContaining('items.jsonl:3: text'),
    ]);
  });

  it('reads JSON lines as a stream in batches, naming bad lines by their real number as a whole-file read does', async () => {
    const text = '\n{"title":"A","text":"One sentence."}\n\nnot json\n{"text":5}\n{"title":"B","text":"Two."}\r\n{"title":"C","text":"Three."}';
    const whole = parseArticleFile(text, 'items.jsonl');
    const errors: AppError[] = [];
    const batches: ArticleInput[][] = [];
    for await (const batch of jsonLineBatches(Readable.from(text.split('\n')), 'items.jsonl', 2, errors)) batches.push(batch);
    expect(batches.map((b) => b.map((a) => a.title))).toEqual([['A', 'B'], ['C']]);
    expect(batches.flat()).toEqual(whole.articles);
    expect(errors).toEqual(whole.errors);
    expect(errors.map((e) => e.message)).toEqual(['items.jsonl:4: not valid JSON.', expect.stringContaining('items.jsonl:5: text')]);
  });

  it('reads a JSON array and a text file with url/date/title headers', () => {
    expect(parseArticleFile('[{"title":"A","text":"x y."},{"title":"B","text":"z."}]', 'a.json').articles).toHaveLength(2);
    const [article] = parseArticleFile('url: https://www.usatoday.com/story/x\ndate: 2024-11-18\ntitle: T\n---\nBody text.', 'n.txt').articles;
    expect(article).toMatchObject({ title: 'T', outlet: 'USA Today', publishedAt: '2024-11-18', text: 'Body text.' });
  });

  it('refuses an empty file with a message', () => {
    expect(parseArticleFile('  \n', 'empty.md').errors[0]?.code).toBe('ingest/empty');
  });
});
