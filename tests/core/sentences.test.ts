import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/text/sentences.ts';

describe('sentence splitting', () => {
  it('does not split at "U.S.", titles like "Gen." or initials', () => {
    expect(splitSentences('The U.S. has shifted its policy. Gen. Mark Milley agreed with J. R. Smith on it.')).toEqual([
      'The U.S. has shifted its policy.',
      'Gen. Mark Milley agreed with J. R. Smith on it.',
    ]);
  });

  it('splits after a quotation that closes a sentence', () => {
    expect(splitSentences('“I am confident we will continue to do that.” The previous day, leaders spoke.')).toEqual([
      '“I am confident we will continue to do that.”',
      'The previous day, leaders spoke.',
    ]);
  });

  it('copes with a quote that opens without a closing mark and with dashes', () => {
    const text = 'We haven’t encouraged or enabled strikes outside of Ukraine. Ukraine has to decide,” he said — in Prague — on Thursday.';
    expect(splitSentences(text)).toEqual([
      'We haven’t encouraged or enabled strikes outside of Ukraine.',
      'Ukraine has to decide,” he said — in Prague — on Thursday.',
    ]);
  });

  it('returns nothing for text without words', () => {
    expect(splitSentences(' — … ')).toEqual([]);
  });
});
