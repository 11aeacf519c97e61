import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_TOPICS_FILE, loadTopicsFile } from '../../src/core/topics/defaultTopics.ts';
import { evaluate, plainDoc } from '../../src/core/topics/evaluate.ts';
import type { QueryNode } from '../../src/core/topics/queryAst.ts';
import { parseQuery } from '../../src/core/topics/queryParser.ts';
import { tokenizeFields } from '../../src/core/topics/tokenize.ts';
import { describeWithShared, FIXTURES_DIR, SEEDS_DIR } from '../support/shared.ts';

/** The policy-story articles among ../shared/fixtures/news (the others are neighbouring stories). */
const POLICY_STORY = [
  '2024-06-01_usatoday_ukraine-war-kharkiv-map.txt',
  '2024-09-26_usatoday_nyc-mayor-eric-adams-indicted-the-excerpt.txt',
  '2024-11-18_usatoday_biden-long-range-missiles-ukraine-russia-war.txt',
  '2024-11-19_usatoday_biden-congress-ukraine-aid-trump.txt',
];

describeWithShared('the default topic long-range-strikes on real news', () => {
  let query: QueryNode;
  const matches = (...fields: string[]) => evaluate(query, plainDoc(tokenizeFields(fields)));
  beforeAll(() => {
    const loaded = loadTopicsFile(DEFAULT_TOPICS_FILE);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.errors).toEqual([]);
    const topic = loaded.value.topics.find((t) => t.id === 'long-range-strikes')!;
    const parsed = parseQuery(topic.query);
    if (!parsed.ok) throw new Error(parsed.error.message);
    query = parsed.value;
  });

  it('matches every seed article, as collected (boilerplate and all)', () => {
    const seeds = readdirSync(SEEDS_DIR).filter((f) => /^\d{3}_.*\.txt$/.test(f));
    expect(seeds).toHaveLength(5);
    expect(seeds.filter((f) => !matches(readFileSync(join(SEEDS_DIR, f), 'utf8')))).toEqual([]);
  });

  it('matches none of the 1,900 AG News World items (2004 news, missiles and wars included)', () => {
    const rows = parse(readFileSync(join(FIXTURES_DIR, 'datasets/ag_news/test.csv')), { from_line: 2, relax_quotes: true }) as string[][];
    const world = rows.filter((row) => row[0] === '1');
    expect(world).toHaveLength(1900);
    expect(world.filter((row) => matches(row[1]!, row[2]!)).map((row) => row[1])).toEqual([]);
  });

  it('among the 26 news fixtures, matches the permission reports and stays quiet on neighbouring stories', () => {
    const dir = join(FIXTURES_DIR, 'news');
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    expect(files).toHaveLength(26);
    // Known misses, by design of the query: 2024-09-18 (a war update that discusses the debate
    // without permission words) and 2025-07-15 (Trump on striking Moscow).
    expect(files.filter((f) => matches(readFileSync(join(dir, f), 'utf8')))).toEqual(POLICY_STORY);
  });
});
