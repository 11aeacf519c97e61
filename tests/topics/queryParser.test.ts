import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryToText } from '../../src/core/topics/queryAst.ts';
import { MAX_QUERY_LENGTH, parseQuery } from '../../src/core/topics/queryParser.ts';

/** [query, error code, column]: each refusal names where, and the code says what. */
const MALFORMED: readonly [string, string, number][] = [
  ['', 'empty-query', 1],
  ['   ', 'empty-query', 1],
  ['"Storm Shadow', 'unclosed-quote', 1],
  ['ATACMS AND "Storm Shadow', 'unclosed-quote', 12],
  ['Kursk OR “long range', 'unclosed-quote', 10],
  ['(ATACMS OR "Storm', 'unclosed-quote', 12],
  ['a "b" "c', 'unclosed-quote', 7],
  ['(ATACMS OR Kursk', 'unclosed-paren', 1],
  ['((a OR b) AND c', 'unclosed-paren', 1],
  ['a AND (b OR (c)', 'unclosed-paren', 7],
  ['(a', 'unclosed-paren', 1],
  ['ATACMS)', 'unmatched-paren', 7],
  ['(a) b)', 'unmatched-paren', 6],
  ['a OR b))', 'unmatched-paren', 7],
  [')', 'unexpected-paren', 1],
  ['()', 'unexpected-paren', 2],
  ['a AND ()', 'unexpected-paren', 8],
  ['(OR a)', 'unexpected', 2],
  ['ATACMS OR', 'unexpected', 10],
  ['ATACMS AND', 'unexpected', 11],
  ['OR ATACMS', 'unexpected', 1],
  ['AND ATACMS', 'unexpected', 1],
  ['a OR OR b', 'unexpected', 6],
  ['a AND AND b', 'unexpected', 7],
  ['a AND OR b', 'unexpected', 7],
  ['a OR AND b', 'unexpected', 6],
  ['NOT', 'unexpected', 4],
  ['a NOT', 'unexpected', 6],
  ['a AND NOT', 'unexpected', 10],
  ['(a OR)', 'unexpected-paren', 6],
  ['(NOT)', 'unexpected-paren', 5],
  ['a (OR b)', 'unexpected', 4],
  ['a || || b', 'unexpected', 6],
  ['-', 'dangling-minus', 1],
  ['a -', 'dangling-minus', 3],
  ['a - b', 'dangling-minus', 3],
  ['(a -)', 'dangling-minus', 4],
  ['mis*ile', 'bad-wildcard', 4],
  ['*', 'bad-wildcard', 1],
  ['*missile', 'bad-wildcard', 1],
  ['missile**', 'bad-wildcard', 8],
  ['long-ran*', 'bad-wildcard', 1],
  ['Kursk a*', 'short-prefix', 7],
  ['mi*', 'short-prefix', 1],
  ['""', 'empty-term', 2],
  ['Kursk "  "', 'empty-term', 8],
  ['!!!', 'empty-term', 1],
  ['a AND ???', 'empty-term', 7],
  ['-Russia', 'matches-everything', 1],
  ['NOT Russia', 'matches-everything', 1],
  ['-(Russia OR Ukraine)', 'matches-everything', 1],
  ['Russia OR -Crimea', 'matches-everything', 1],
  ['-a -b', 'matches-everything', 1],
  ['Russia -Russia', 'matches-nothing', 1],
  ['missile -missiles', 'matches-nothing', 1],
  ['ATACMS ("storm shadow" -"Storm Shadow")', 'matches-nothing', 9],
  ['('.repeat(30) + 'a' + ')'.repeat(30), 'too-deep', 25],
  ['a'.repeat(MAX_QUERY_LENGTH + 1), 'too-long', MAX_QUERY_LENGTH + 1],
];

describe('parsing topic queries', () => {
  it(`refuses ${MALFORMED.length} malformed queries, each with its position and what was expected`, () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(50);
    const wrong = MALFORMED.flatMap(([query, code, column]) => {
      const parsed = parseQuery(query);
      if (parsed.ok) return [{ query, got: 'accepted', at: 0, message: '' }];
      const { code: got, column: at, message } = parsed.error;
      return got === `topics/${code}` && at === column && message.includes(`at column ${column}`) ? [] : [{ query, got, at, message }];
    });
    expect(wrong).toEqual([]);
  });

  it('says where a quote is left open, in words a person can act on', () => {
    const parsed = parseQuery('ATACMS AND "Storm Shadow');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toBe('unclosed quote at column 12: expected a closing " after the phrase');
  });

  it('never throws, and every refusal points inside the query (random input)', () => {
    const pieces = fc.constantFrom('a', 'Kursk', '"', '“', '”', '(', ')', '-', '*', ' ', 'AND', 'OR', 'NOT', 'mis*', '"storm shadow"', '!', 'é');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.array(pieces, { maxLength: 25 }).map((p) => p.join(' '))), (query) => {
        const parsed = parseQuery(query);
        if (!parsed.ok) {
          expect(parsed.error.code).toMatch(/^topics\/[a-z-]+$/);
          expect(parsed.error.column).toBeGreaterThanOrEqual(1);
          expect(parsed.error.column).toBeLessThanOrEqual(Math.max(query.length, 1) + 1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the design example with AND binding tighter than OR, operators in any case', () => {
    const parsed = parseQuery('(ATACMS OR "Storm Shadow" OR "long-range missiles") AND (Russia OR Kursk) -Crimea');
    expect(parsed.ok && queryToText(parsed.value)).toBe('((atacms OR "storm shadow" OR "long range missiles") AND (russia OR kursk) AND -crimea)');
    const precedence = parseQuery('kyiv kursk or atacms');
    expect(precedence.ok && queryToText(precedence.value)).toBe('((kyiv AND kursk) OR atacms)');
    const curly = parseQuery('“Storm Shadow” not Crimea');
    expect(curly.ok && queryToText(curly.value)).toBe('("storm shadow" AND -crimea)');
  });

  it('writes hyphenated and dotted words as phrases, so long-range matches "long range"; U.S. is the word us', () => {
    const parsed = parseQuery('long-range U.S. anti-air');
    expect(parsed.ok && queryToText(parsed.value)).toBe('("long range" AND us AND "anti air")');
  });

  it('refuses a "*" inside a phrase, which could never match, and says where', () => {
    const parsed = parseQuery('"storm sha*" AND Russia');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.message).toMatch(/inside a "phrase".*column 11/);
  });
});
