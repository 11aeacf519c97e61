import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tempCore, type TempCore } from '../support/tempCore.ts';

/** The kinds of text people (and attackers) paste into a search box. */
const FRAGMENTS = [
  '"', '""', "'", 'NEAR(', 'NEAR(a b, 3)', '*', 'ukr*', '-', '-russia', 'title:', 'body:', 'articles_fts:', '{title body}:',
  'AND', 'OR', 'NOT', 'and or not', '(', ')', '((', '))', '^', ':', '+', 'ATACMS', 'Storm Shadow', '🚀', '🇺🇦',
  'مرحبا بالعالم', 'שלום', '\u202Eevil', '\u0000', '\u200B', 'Zelenskyy', 'Зеленський', '%', '_', '\\', ';', '--',
  "'; DROP TABLE articles; --", 'rowid', 'MATCH', 'bm25(', 'ñ', 'e\u0301', '\uFFFD', '\uD800',
];

function hostileStrings(): string[] {
  const fromFragments = fc.sample(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 0, maxLength: 8 }).map((parts) => parts.join(' ')), { numRuns: 150, seed: 42 });
  const glued = fc.sample(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')), { numRuns: 60, seed: 7 });
  const random = fc.sample(fc.string({ unit: 'binary', maxLength: 80 }), { numRuns: 40, seed: 3 });
  return [...FRAGMENTS, '', '   ', 'x'.repeat(10_000), 'ATACMS '.repeat(1500), ...fromFragments, ...glued, ...random];
}

describe('search takes user text, never query syntax', () => {
  let temp: TempCore;
  beforeAll(() => {
    temp = tempCore({ seed: true });
  });
  afterAll(() => temp.cleanup());

  const inputs = hostileStrings();

  it(`answers ${inputs.length} hostile strings with results or an empty list, never an error`, () => {
    expect(inputs.length).toBeGreaterThanOrEqual(200);
    for (const input of inputs) {
      const hits = temp.core.search.search(input);
      expect(Array.isArray(hits)).toBe(true);
      for (const hit of hits) expect(hit.article.id).toBeGreaterThan(0);
    }
  });

  it('still finds articles when the words come wrapped in syntax', () => {
    expect(temp.core.search.search('title:"ATACMS" NEAR( -*').length).toBeGreaterThan(0);
    expect(temp.core.search.search('(Storm AND Shadow').length).toBeGreaterThan(0);
  });

  it('gives an empty list for input without words', () => {
    expect(temp.core.search.search('')).toEqual([]);
    expect(temp.core.search.search('"" () * - 🚀')).toEqual([]);
  });
});
