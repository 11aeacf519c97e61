import type { WeightedConcept } from './conceptWeights.ts';

/**
 * Which of a question's concepts a run of stems mentions, as a bit mask (bit i = concept i),
 * in one pass over the stems: single-word forms by lookup, phrases by their first word. Masks
 * of a sentence, its neighbour and its article's title combine with `|`.
 */
export class ConceptMatcher {
  private readonly singles = new Map<string, number>();
  private readonly phrases = new Map<string, { readonly rest: readonly string[]; readonly bit: number }[]>();
  private readonly weights: readonly number[];
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
    this.totalWeight = this.weights.reduce((sum, w) => sum + w, 0);
  }

  mask(tokens: readonly string[]): number {
    let mask = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      mask |= this.singles.get(token) ?? 0;
      for (const phrase of this.phrases.get(token) ?? []) {
        if (phrase.rest.every((stem, j) => tokens[i + 1 + j] === stem)) mask |= phrase.bit;
      }
    }
    return mask;
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
