import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConceptMatcher } from '../../src/core/answer/conceptMatching.ts';
import { extractConcepts } from '../../src/core/answer/concepts.ts';
import type { WeightedConcept } from '../../src/core/answer/conceptWeights.ts';
import { stem, stems, words } from '../../src/core/answer/stems.ts';

const matcherFor = (question: string): ConceptMatcher =>
  new ConceptMatcher(
    extractConcepts(question).map(
      (concept): WeightedConcept => ({ concept, weight: 1, documentFrequency: 1, formFrequencies: concept.forms.map(() => 1) }),
    ),
  );

/** The stems a matcher looks up: one-word forms, and the first word of each phrase. */
function keyStems(question: string): Set<string> {
  return new Set(extractConcepts(question).flatMap((c) => c.stemForms.map((form) => form[0]!)));
}

const VOCABULARY = [
  'ATACMS', 'atacms', 'Storm', 'Shadow', 'allowed', 'allows', 'policy', 'policies', 'Zelenskyy', 'Zélensky', 'Kyiv',
  'Kharkiv', 'White', 'House', 'Washington', 'US', 'U.S.', 'UK', 'U.K.', 'use', 'used', 'us', 'ban', 'bans', 'banned',
  'strikes', 'striking', 'Russia', 'Russian', 'missiles', 'long-range', 'ÉLYSÉE', 'Straße', 'Україна', 'weather', 'football',
];
const SEPARATORS = [' ', ', ', '-', '’s ', "'s ", ' “', '” ', '\n', ' (', ') ', '. ', '—', '_'];
const QUESTIONS = [
  'Did the US allow ATACMS strikes inside Russia?',
  'Has the UK let Kyiv use Storm Shadow?',
  'What did Zelenskyy say about the ban on long-range missiles?',
  'Can Ukraine use its weapons near Kharkiv?',
  'What did the White House decide on policy?',
];

const text = fc
  .array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(...SEPARATORS), fc.constantFrom('as is', 'upper', 'lower')), { maxLength: 12 })
  .map((parts) => parts.map(([word, sep, casing]) => (casing === 'upper' ? word.toUpperCase() : casing === 'lower' ? word.toLowerCase() : word) + sep).join(''));

describe('the ranking prefilter (ConceptMatcher.mightMention)', () => {
  it('never drops a sentence whose stems hold a concept (short stems as whole words)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...QUESTIONS), text, (question, sentence) => {
        const keys = keyStems(question);
        // The rule the prefilter keeps: a stem of more than three letters in any word it stems
        // from; a shorter one ("us", "uk") only as a whole word, so "used" does not stand for "use".
        const holds = words(sentence).some((word) => keys.has(stem(word)) && (stem(word).length > 3 || word === stem(word)));
        if (holds) expect(matcherFor(question).mightMention(sentence)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('passes accented, capitalised and hyphenated spellings of the words asked about', () => {
    const matcher = matcherFor('What did Zelenskyy say about long-range ATACMS?');
    expect(matcher.mightMention('“ZÉLENSKYY’S plea,” the paper wrote.')).toBe(true);
    expect(matcher.mightMention('Kyiv wants long range weapons.')).toBe(true);
    expect(matcher.mightMention('The Army fired Atacms overnight.')).toBe(true);
    expect(matcher.mask(stems('“ZÉLENSKYY’S plea,” the paper wrote.'))).not.toBe(0);
  });

  it('drops a sentence with none of the words, and a word that only starts like a short stem', () => {
    const matcher = matcherFor('Did the UK allow it?');
    expect(matcher.mightMention('The football season starts on Monday.')).toBe(false);
    expect(matcher.mightMention('Ukrainian forces advanced.')).toBe(false);
    expect(matcher.mightMention('The U.K. said so.')).toBe(true);
    expect(matcher.mightMention('Britain allowed it.')).toBe(true);
  });

  it('reads "US" as the country and not "use", as the stems do', () => {
    const matcher = matcherFor('Did the US allow ATACMS strikes?');
    expect(matcher.mightMention('The US agreed.')).toBe(true);
    expect(matcher.mightMention('The U.S. agreed.')).toBe(true);
    expect(matcher.mask(stems('The US agreed.'))).not.toBe(0);
    expect(matcher.mask(stems('They use it.'))).toBe(0);
  });
});
