import type { WeightedConcept } from './conceptWeights.ts';
import { escapeRegExp } from '../text/escapeRegExp.ts';
import { foldedText } from './stems.ts';

/**
 * Which of a question's concepts a run of stems mentions, as a bit mask (bit i = concept i),
 * in one pass over the stems: single-word forms by lookup, phrases by their first word. Masks
 * of a sentence, its neighbour and its article's title combine with `|`.
 */
export class ConceptMatcher {
  private readonly singles = new Map<string, number>();
  private readonly phrases = new Map<string, { readonly rest: readonly string[]; readonly bit: number }[]>();
  private readonly weights: readonly number[];
  private readonly prefilter: RegExp;
  readonly totalWeight: number;

  constructor(concepts: readonly WeightedConcept[]) {
    if (concepts.length > 30) throw new Error('ConceptMatcher holds at most 30 concepts (bit mask)');
    concepts.forEach((concept, index) => {
      const bit = 1 << index;
      for (const form of concept.concept.stemForms) {
        if (form.length === 1) this.singles.set(form[0]!, (this.singles.get(form[0]!) ?? 0) | bit);
        else if (form.length > 1) {
          const list = this.phrases.get(form[0]!) ?? [];
          list.push({ rest: form.slice(1), bit });
          this.phrases.set(form[0]!, list);
        }
      }
    });
    this.weights = concepts.map((c) => c.weight);
    // A word whose stem is `allow` starts with `allo`; a word stemmed `polici` starts with `polic`.
    // Short stems ("us" of "use", "uk") must be whole words, or every "use" would pass. The scan
    // reads the text as `words` does (foldedText), so plain ASCII classes stand for word edges
    // there, and the pattern compiles in microseconds: a case-insensitive Unicode one took
    // milliseconds, paid again for every new question.
    const alternatives = [...new Set([...this.singles.keys(), ...this.phrases.keys()])].map((stem) =>
      stem.length > 3 ? escapeRegExp(stem.slice(0, -1)) : `${escapeRegExp(stem)}(?![a-z0-9])`,
    );
    this.prefilter = alternatives.length > 0 ? new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})`) : /(?!)/;
    this.totalWeight = this.weights.reduce((sum, w) => sum + w, 0);
  }

  /**
   * A cheap test on the text before stemming it: false means no concept can be in it.
   * Most sentences of the articles read fail it, and stemming is the costly part of ranking.
   * Non-letters between words keep their place in foldedText, so a word of `words(text)`
   * always starts after something that is not [a-z0-9].
   */
  mightMention(text: string): boolean {
    return this.prefilter.test(foldedText(text));
  }

  mask(tokens: readonly string[]): number {
    return this.mentions(tokens).reduce((mask, bits) => mask | bits, 0);
  }

  /** Each mention of a concept in the stems, as its bits, in order (a word may carry two concepts). */
  mentions(tokens: readonly string[]): number[] {
    const found: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const single = this.singles.get(token);
      if (single) found.push(single);
      for (const phrase of this.phrases.get(token) ?? []) {
        if (phrase.rest.every((stem, j) => tokens[i + 1 + j] === stem)) found.push(phrase.bit);
      }
    }
    return found;
  }

  /**
   * BM25 of one run of stems with the concept weights (square roots of IDF, which measured better), term
   * frequency per concept, and `lengthNorm` = k1·(1 − b + b·length/average).
   */
  bm25(tokens: readonly string[], k1: number, lengthNorm: number): number {
    const counts = new Array<number>(this.weights.length).fill(0);
    for (const bits of this.mentions(tokens)) {
      for (let i = 0; i < counts.length; i++) if (bits & (1 << i)) counts[i]! += 1;
    }
    return counts.reduce((sum, tf, i) => (tf === 0 ? sum : sum + this.weights[i]! * ((tf * (k1 + 1)) / (tf + lengthNorm))), 0);
  }

  /** Share of the question's weight the mask carries, 0–1. */
  share(mask: number): number {
    if (this.totalWeight <= 0) return 0;
    let weight = 0;
    this.weights.forEach((w, i) => {
      if (mask & (1 << i)) weight += w;
    });
    return weight / this.totalWeight;
  }

  static count(mask: number): number {
    let count = 0;
    for (let m = mask; m; m &= m - 1) count += 1;
    return count;
  }
}
