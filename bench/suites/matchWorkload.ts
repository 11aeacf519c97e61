/**
 * The match benchmark's workload: news items of about 2 KB and realistic topics drawn from
 * the same vocabulary. Real text from ../shared/fixtures/datasets/ag_news when present
 * (7,600 headlines + descriptions; an item is one headline with its description, then the
 * following descriptions as body, as many as bring it closest to 2 KB: items average 2,048
 * bytes), else generated words. Deterministic: seeded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { COMMON_STEMS } from '../../src/core/topics/commonWords.ts';
import { wordsOf } from '../../src/core/topics/tokenize.ts';
import { AG_NEWS_CSV as AG_NEWS } from '../agNews.ts';
import { seededRandom } from '../corpusGenerator.ts';

export interface BenchItem {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly content: string;
}

/** 2 KB, the item size the rate is given for (the average item is this size). */
const ITEM_BYTES = 2048;

function sourceRows(random: () => number): { rows: [string, string][]; source: string } {
  if (existsSync(AG_NEWS)) {
    const records = parse(readFileSync(AG_NEWS), { from_line: 2, relax_quotes: true }) as string[][];
    return { rows: records.map((r) => [r[1] ?? '', r[2] ?? ''] as [string, string]), source: 'ag_news' };
  }
  const words = 'ukraine russia missile strike biden kyiv kursk weapons policy election market shares oil court minister talks rebels troops border storm shadow atacms long range permission pentagon nato council vote deal bank growth league season coach injury software chip launch'.split(' ');
  const sentence = () => Array.from({ length: 18 }, () => words[Math.floor(random() * words.length)]).join(' ') + '.';
  return { rows: Array.from({ length: 5000 }, () => [sentence(), `${sentence()} ${sentence()}`]), source: 'generated' };
}

export function benchItems(count: number, seed = 1): { items: BenchItem[]; source: string } {
  const { rows, source } = sourceRows(seededRandom(seed));
  const items: BenchItem[] = [];
  for (let i = 0; i < count; i++) {
    const [title, summary] = rows[i % rows.length]!;
    const body: string[] = [];
    const room = ITEM_BYTES - title.length - summary.length;
    let length = 0;
    // Whole descriptions, stopping where the item comes closest to 2 KB: always going past it
    // made the average item 2.1 KB.
    for (let j = i + 1; length < room; j++) {
      const text = rows[j % rows.length]![1];
      if (length + text.length + 1 - room > room - length) break;
      body.push(text);
      length += text.length + 1;
    }
    items.push({ id: `item-${i}`, title, summary, content: body.join(' ') });
  }
  return { items, source };
}

/** Words and two-word phrases people would track: frequent enough to matter, not stop words. */
function vocabulary(items: readonly BenchItem[]): { words: string[]; phrases: string[] } {
  const wordCounts = new Map<string, number>();
  const pairCounts = new Map<string, number>();
  for (const item of items.slice(0, 5000)) {
    const words = wordsOf(`${item.title} ${item.summary}`);
    words.forEach((word, i) => {
      if (word.length < 3 || COMMON_STEMS.has(word) || /^\d+$/.test(word)) return;
      wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
      const next = words[i + 1];
      if (next && next.length >= 3 && !COMMON_STEMS.has(next)) pairCounts.set(`${word} ${next}`, (pairCounts.get(`${word} ${next}`) ?? 0) + 1);
    });
  }
  const ranked = (counts: Map<string, number>, min: number) =>
    [...counts].filter(([, n]) => n >= min).sort((a, b) => b[1] - a[1]).map(([w]) => w);
  // Skip the top words: they are the news's own stop words ("said", "company", "percent").
  const words = ranked(wordCounts, 3);
  return { words: words.slice(Math.min(100, Math.floor(words.length / 4))), phrases: ranked(pairCounts, 3) };
}

/**
 * Topics of 1–6 leaves (words, "phrases", a few prefix*) written the way people track a
 * subject: one to three concepts that must all appear, each a word or a few alternatives,
 * sometimes an exclusion — `atacms`, `"storm shadow" russia`, `(nato OR pentagon) missile -crimea`.
 */
export function benchTopics(count: number, items: readonly BenchItem[], seed = 2): { id: string; query: string }[] {
  const random = seededRandom(seed);
  const { words, phrases } = vocabulary(items);
  // Uniform over the ranks: people track names and specific things more than broad words.
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const leaf = (): string => {
    const r = random();
    if (r < 0.2 && phrases.length > 0) return `"${pick(phrases)}"`;
    const word = pick(words);
    return r < 0.25 && word.length >= 6 ? `${word.slice(0, word.length - 2)}*` : word;
  };
  const topics: { id: string; query: string }[] = [];
  for (let t = 0; t < count; t++) {
    const leaves = 1 + Math.floor(random() * 6);
    const negated = leaves >= 3 && random() < 0.3 ? 1 : 0;
    const positive = leaves - negated;
    const concepts = Array.from({ length: positive === 1 ? 1 : positive >= 5 ? 3 : 2 }, () => [] as string[]);
    for (let l = 0; l < positive; l++) concepts[l % concepts.length]!.push(leaf());
    const groups = concepts.map((members) => (members.length === 1 ? members[0]! : `(${members.join(' OR ')})`));
    if (negated) groups.push(`-${leaf()}`);
    topics.push({ id: `t${t}`, query: groups.join(random() < 0.5 ? ' ' : ' AND ') });
  }
  return topics;
}
