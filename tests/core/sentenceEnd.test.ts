import fc from 'fast-check';
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { endsSentence } from '../../src/core/text/sentenceEnd.ts';
import { splitSentences } from '../../src/core/text/sentences.ts';

// compromise's own test, the one endsSentence stands in for.
const world = (nlp as unknown as { world(): { methods: { one: { tokenize: { isSentence(s: string, a: object): boolean } } }; model: { one: { abbreviations: object } } } }).world();
const original = world.methods.one.tokenize.isSentence;
const abbreviations = world.model.one.abbreviations;

// Pieces that reach every branch: initials, abbreviations, ellipses, stops, spaces, non-Latin letters.
const piece = fc.constantFrom(
  ' ', '  ', '.', '..', '…', '!', '?', '‽', ' .', 'A', 'a', 'Z', 'é', 'É', 'ж', '1', 'Gen', 'gen', 'Mr', 'sen', 'U.S', 'N.S.A', 'e.g', 'word', 'Kyiv', '"', '”', '\n', ',', 'W. ',
);
const chunk = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('endsSentence', () => {
  it('agrees with compromise on whether a chunk ends a sentence, for any chunk', () => {
    fc.assert(
      fc.property(chunk, (text) => {
        expect(endsSentence(text, abbreviations)).toBe(original(text, abbreviations));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['The talks ended. ', true],
    ['He met Gen. ', false],
    ['It came from the U.S. ', false],
    ['W. ', false],
    ['And then... ', false],
    ['Wait… ', false],
    ['Is it over? ', true],
    ['Only punctuation: ', true],
    ['... ', false],
  ])('reads %j as ending a sentence: %s', (text, expected) => {
    expect(endsSentence(text, abbreviations)).toBe(expected);
    expect(original(text, abbreviations)).toBe(expected);
  });

  it('leaves compromise splitting sentences as before after an abbreviation', () => {
    expect(splitSentences('Gen. Milley spoke. The U.S. agreed on Monday. Talks went on... and on.')).toEqual([
      'Gen. Milley spoke.',
      'The U.S. agreed on Monday.',
      'Talks went on... and on.',
    ]);
  });
});
