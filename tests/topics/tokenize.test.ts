import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../src/core/topics/lexicon.ts';
import { FIELD_BREAK, tokenize, tokenizeFields, wordsOf } from '../../src/core/topics/tokenize.ts';

describe('tokenizing text for topic matching', () => {
  it('lower-cases, removes accents and splits hyphens, dots and punctuation', () => {
    expect(wordsOf('Zélenskyy: LONG-RANGE strikes on Kursk, U.S. says')).toEqual(['zelenskyy', 'long', 'range', 'strikes', 'on', 'kursk', 'us', 'says']);
  });

  it('folds ß to ss, so "Straße" and "strasse" are one word', () => {
    expect(wordsOf('Die Straße')).toEqual(['die', 'strasse']);
  });

  it('reads initialisms as one word, in ASCII text as in any other', () => {
    expect(wordsOf('The U.S. and the U.K. met the E.U on Kharkiv, a.k.a. "K." today.')).toEqual(['the', 'us', 'and', 'the', 'uk', 'met', 'the', 'eu', 'on', 'kharkiv', 'aka', 'k', 'today']);
    expect(wordsOf('The U.S. and the U.K. met the E.U on Kharkiv — a.k.a. "K." today.')).toEqual(['the', 'us', 'and', 'the', 'uk', 'met', 'the', 'eu', 'on', 'kharkiv', 'aka', 'k', 'today']);
  });

  it('drops a possessive ’s and joins other apostrophes into the word', () => {
    expect(wordsOf("Ukraine’s weapons, Russia's war, don't, O'Brien")).toEqual(['ukraine', 'weapons', 'russia', 'war', 'dont', 'obrien']);
  });

  it('gives plural and singular the same stem', () => {
    const lexicon = new Lexicon();
    const stems = tokenize('missile missiles strike strikes', lexicon).words.map((id) => lexicon.word(lexicon.stemOf(id)));
    expect(stems).toEqual(['missil', 'missil', 'strike', 'strike']);
  });

  it('puts a break between fields so phrases cannot join them', () => {
    const lexicon = new Lexicon();
    const { words } = tokenizeFields(['Long', null, '', 'range'], lexicon);
    expect(words.map((id) => (id === FIELD_BREAK ? '|' : lexicon.word(id)))).toEqual(['long', '|', 'range']);
  });

  it('starts its word table over when full, in a new generation, between texts', () => {
    const lexicon = new Lexicon(3);
    const first = tokenize('one two three', lexicon);
    expect(first.generation).toBe(0);
    const second = tokenize('four', lexicon);
    expect(second.generation).toBe(1);
    expect(lexicon.word(second.words[0]!)).toBe('four');
  });
});
