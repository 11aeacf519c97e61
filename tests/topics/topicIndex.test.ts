import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, plainDoc } from '../../src/core/topics/evaluate.ts';
import { Lexicon } from '../../src/core/topics/lexicon.ts';
import { parseQuery } from '../../src/core/topics/queryParser.ts';
import type { QueryNode } from '../../src/core/topics/queryAst.ts';
import { TopicIndex } from '../../src/core/topics/topicIndex.ts';
import { tokenizeFields } from '../../src/core/topics/tokenize.ts';

// A small vocabulary, so random queries and random texts share words and matches happen.
const VOCABULARY = ['missile', 'Missiles', 'strike', 'strikes', 'Russia', 'russian', 'Kursk', 'storm', 'shadow', 'long', 'range', 'ATACMS', 'Ukraine', 'war', 'Biden', 'allows', 'allowed', 'Zélensky'];
const word = fc.constantFrom(...VOCABULARY);
const separator = fc.constantFrom(' ', ' ', ', ', '-', '. ', ' (', '’s ');

const text = fc.array(fc.tuple(word, separator), { maxLength: 40 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
const item = fc.record({ title: text, summary: text, content: text });

const leaf = fc.oneof(
  { weight: 5, arbitrary: word },
  { weight: 2, arbitrary: fc.array(word, { minLength: 2, maxLength: 3 }).map((ws) => `"${ws.join(' ')}"`) },
  { weight: 1, arbitrary: fc.tuple(word, word).map(([a, b]) => `${a}-${b}`) },
  { weight: 1, arbitrary: word.filter((w) => w.length >= 5).map((w) => `${w.slice(0, 3 + (w.length % 3))}*`) },
);
const query: fc.Arbitrary<string> = fc.letrec<{ q: string }>((tie) => ({
  q: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: leaf },
    { weight: 1, arbitrary: tie('q').map((q) => `-${q.startsWith('-') ? `(${q})` : q}`) },
    { weight: 2, arbitrary: fc.array(tie('q'), { minLength: 2, maxLength: 3 }).map((qs) => `(${qs.join(' OR ')})`) },
    { weight: 2, arbitrary: fc.array(tie('q'), { minLength: 2, maxLength: 3 }).map((qs) => qs.join(' ')) },
    { weight: 1, arbitrary: fc.array(tie('q'), { minLength: 2, maxLength: 3 }).map((qs) => `(${qs.join(' AND ')})`) },
  ),
})).q;

/** Queries that parse (the generator also makes refusable ones, like a lone exclusion). */
const parsedQueries = fc
  .array(query, { minLength: 1, maxLength: 25 })
  .map((qs) => qs.map((q) => parseQuery(q)).flatMap((r) => (r.ok ? [r.value] : [])))
  .filter((qs) => qs.length > 0);

function naiveMatches(queries: readonly QueryNode[], fields: string[]): number[] {
  const doc = plainDoc(tokenizeFields(fields));
  return queries.flatMap((q, i) => (evaluate(q, doc) ? [i] : []));
}

describe('the topic index (percolator)', () => {
  it('matches exactly what evaluating every query on its own matches', () => {
    fc.assert(
      fc.property(parsedQueries, fc.array(item, { minLength: 1, maxLength: 8 }), (queries, items) => {
        const index = new TopicIndex<number>();
        queries.forEach((q, i) => index.add(i, q));
        for (const it of items) {
          const fields = [it.title, it.summary, it.content];
          expect(index.match(tokenizeFields(fields))).toEqual(naiveMatches(queries, fields));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stays exact after topics are removed and re-added, without a rebuild', () => {
    fc.assert(
      fc.property(parsedQueries, fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), item, (queries, removals, it) => {
        const index = new TopicIndex<number>();
        queries.forEach((q, i) => index.add(i, q));
        const kept = queries.filter((_, i) => !removals[i]);
        queries.forEach((_, i) => removals[i] && index.remove(i));
        const fields = [it.title, it.summary, it.content];
        const expected = naiveMatches(queries, fields).filter((i) => !removals[i]);
        expect(index.match(tokenizeFields(fields))).toEqual(expected);
        expect(index.size).toBe(kept.length);
        queries.forEach((q, i) => removals[i] && index.add(i, q));
        expect([...index.match(tokenizeFields(fields))].sort((a, b) => a - b)).toEqual(naiveMatches(queries, fields));
      }),
      { numRuns: 200 },
    );
  });

  it('re-files topics under the words measured rarest after 2,000 items, and still matches exactly', () => {
    const queries = fc.sample(parsedQueries, { numRuns: 4, seed: 7 }).flat();
    const index = new TopicIndex<number>();
    queries.forEach((q, i) => index.add(i, q));
    const items = fc.sample(item, { numRuns: 2600, seed: 11 });
    for (const it of items) {
      const fields = [it.title, it.summary, it.content];
      expect(index.match(tokenizeFields(fields))).toEqual(naiveMatches(queries, fields));
    }
  });

  it('keeps matching exactly when its lexicon fills up and starts over in a new generation', () => {
    const lexicon = new Lexicon(8); // fewer words than the vocabulary: a new generation every few items
    const queries = fc.sample(parsedQueries, { numRuns: 3, seed: 5 }).flat();
    const index = new TopicIndex<number>(lexicon);
    queries.forEach((q, i) => index.add(i, q));
    const generations = new Set<number>();
    for (const it of fc.sample(item, { numRuns: 300, seed: 13 })) {
      const tokens = tokenizeFields([it.title, it.summary, it.content], lexicon);
      generations.add(tokens.generation);
      const doc = plainDoc(tokens, lexicon);
      expect(index.match(tokens)).toEqual(queries.flatMap((q, i) => (evaluate(q, doc) ? [i] : [])));
    }
    expect(generations.size).toBeGreaterThan(10);
  });

  it('is case-, accent-, plural- and hyphen-insensitive', () => {
    const index = new TopicIndex<string>();
    const add = (id: string, q: string) => {
      const parsed = parseQuery(q);
      if (!parsed.ok) throw new Error(parsed.error.message);
      index.add(id, parsed.value);
    };
    add('plural', 'missile strike');
    add('hyphen', '"long range"');
    add('accent', 'zelensky');
    add('prefix', 'atacm*');
    add('excluded', 'missile -crimea');
    const match = (...fields: string[]) => index.match(tokenizeFields(fields));
    expect(match('Missiles STRIKES inside Russia')).toEqual(['plural', 'excluded']);
    expect(match('long-range weapons')).toEqual(['hyphen']);
    expect(match('Zélensky’s plea')).toEqual(['accent']);
    expect(match('the ATACMS system')).toEqual(['prefix']);
    expect(match('a missile over Crimea')).toEqual([]);
    // A phrase never spans two fields: "long" ends the title, "range" starts the body.
    expect(match('Weapons with a long', 'range of 300 km')).toEqual([]);
  });

  it('matches a topic about the US in "U.S." and "US", but not in every article that uses something', () => {
    const index = new TopicIndex<string>();
    for (const [id, q] of [['us', 'US AND Ukraine'], ['use', 'use AND Ukraine']] as const) {
      const parsed = parseQuery(q);
      if (!parsed.ok) throw new Error(parsed.error.message);
      index.add(id, parsed.value);
    }
    const match = (text: string) => index.match(tokenizeFields([text]));
    expect(match('The U.S. sends Ukraine more shells')).toEqual(['us']);
    expect(match('US sends Ukraine more shells')).toEqual(['us']);
    expect(match('Ukraine used drones overnight')).toEqual(['use']);
    expect(match('Ukraine is using drones; the U.S. approves')).toEqual(['us', 'use']);
  });

  it('gathers a batch of items into one array, each item\'s matches in add order after the last', () => {
    fc.assert(
      fc.property(parsedQueries, fc.array(item, { minLength: 1, maxLength: 8 }), (queries, items) => {
        const index = new TopicIndex<number>();
        queries.forEach((q, i) => index.add(i, q));
        const gathered: number[] = [-1];
        const expected: number[] = [-1];
        for (const it of items) {
          const fields = [it.title, it.summary, it.content];
          index.matchInto(tokenizeFields(fields), gathered);
          expected.push(...naiveMatches(queries, fields));
        }
        expect(gathered).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the matches in add order when they are few among thousands of topics', () => {
    const index = new TopicIndex<string>();
    const parsed = (q: string) => {
      const result = parseQuery(q);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    index.add('first', parsed('Kursk'));
    for (let i = 0; i < 3000; i++) index.add(`filler-${i}`, parsed(`"topic number ${i}"`));
    index.add('last', parsed('ATACMS'));
    index.add('middle-removed', parsed('Kursk ATACMS'));
    index.remove('filler-10');
    const into = ['before'];
    index.matchInto(tokenizeFields(['ATACMS fired at Kursk']), into);
    expect(into).toEqual(['before', 'first', 'last', 'middle-removed']);
    expect(index.match(tokenizeFields(['ATACMS fired at Kursk']))).toEqual(['first', 'last', 'middle-removed']);
  });

  it('verifies a phrase topic only for items that hold every word of the phrase', () => {
    const index = new TopicIndex<string>();
    const parsed = parseQuery('"storm shadow"');
    if (!parsed.ok) throw new Error(parsed.error.message);
    index.add('storm-shadow', parsed.value);
    const oneWordOnly = ['A storm hit Kherson', 'In the shadow of the war', 'Shadow boxing', 'Storm clouds, storms'];
    for (const text of oneWordOnly) expect(index.match(tokenizeFields([text]))).toEqual([]);
    expect(index.verifiedCount).toBe(0);
    expect(index.match(tokenizeFields(['A shadow of a storm']))).toEqual([]);
    expect(index.match(tokenizeFields(['Storm Shadow missiles hit Russia']))).toEqual(['storm-shadow']);
    expect(index.verifiedCount).toBe(2);
  });

  it('matches nothing while it has no topics, and matches again once one is added back', () => {
    const index = new TopicIndex<string>();
    const atacms = parseQuery('ATACMS Russia');
    if (!atacms.ok) throw new Error(atacms.error.message);
    const item = tokenizeFields(['ATACMS fired into Russia']);
    index.add('strikes', atacms.value);
    expect(index.match(item)).toEqual(['strikes']);
    index.remove('strikes');
    expect(index.match(item)).toEqual([]);
    expect(index.match(tokenizeFields(['Markets rally']))).toEqual([]);
    index.add('again', atacms.value);
    expect(index.match(item)).toEqual(['again']);
    expect(index.match(tokenizeFields(['Russia only']))).toEqual([]);
  });
});
