import { ftsString } from '../search/userQuery.ts';
import { stems } from './stems.ts';
import type { Concept } from './concepts.ts';
import type { EvidenceRetrieval } from './evidenceRetrieval.ts';

/** A concept with how telling it is: rare words (ATACMS, Kharkiv) outweigh common ones (war). */
export interface WeightedConcept {
  readonly concept: Concept;
  /** BM25's IDF over articles; a concept the corpus never mentions gets the highest weight. */
  readonly weight: number;
  /** Articles that mention any of its forms (an upper bound for phrases). */
  readonly documentFrequency: number;
  /** The same, per form (in `concept.forms` order). */
  readonly formFrequencies: readonly number[];
}

const stemsKey = (text: string): string => stems(text).join(' ');

/** A phrase occurs in at most as many articles as its rarest word. */
function formFrequency(stemForm: readonly string[], retrieval: EvidenceRetrieval): number {
  return stemForm.length === 0 ? 0 : Math.min(...stemForm.map((s) => retrieval.documentFrequency(s)));
}

export function weighConcepts(concepts: readonly Concept[], retrieval: EvidenceRetrieval, articleCount: number): WeightedConcept[] {
  const total = Math.max(articleCount, 1);
  const weighed = concepts.map((concept) => {
    const formFrequencies = concept.stemForms.map((form) => formFrequency(form, retrieval));
    const documentFrequency = Math.min(formFrequencies.reduce((sum, df) => sum + df, 0), total);
    // Smoothed so that in a small corpus a word in every article still counts for something,
    // and square-rooted so one rare word cannot outweigh the rest of the question.
    const weight = Math.sqrt(Math.log(1 + total / (documentFrequency + 0.5)));
    return { concept, weight, documentFrequency, formFrequencies };
  });
  // A word the corpus never uses is most likely a paraphrase ("journalists" for "reporters"):
  // it counts like an average word, not like the rarest. Unknown names are handled apart.
  const known = weighed.filter((c) => c.documentFrequency > 0);
  const average = known.length > 0 ? known.reduce((sum, c) => sum + c.weight, 0) / known.length : 1;
  return weighed.map((c) => (c.documentFrequency > 0 || c.concept.entity ? c : { ...c, weight: average }));
}

/** How many concepts an answer works with: the rest of a long question adds cost, not precision. */
export const KEPT_CONCEPTS = 12;

/** The `limit` concepts that weigh most (rarest first, ties in question order), in question order. */
export function mostTelling(concepts: readonly WeightedConcept[], limit = KEPT_CONCEPTS): WeightedConcept[] {
  if (concepts.length <= limit) return [...concepts];
  const kept = new Set([...concepts].sort((a, b) => b.weight - a.weight).slice(0, limit));
  return concepts.filter((c) => kept.has(c));
}

/**
 * Postings the rare forms of a lookup may have (or 2% of the corpus, if more). Measured at
 * 100,000 articles: 5,000 → hit@1 0.72, 15,000 → 0.75, 30,000 → 0.77 at 1.5× the lookup time.
 */
const POSTINGS_CAP = 15_000;
const COMMON_SHARE = 0.1;

/**
 * Rarest forms first, while their postings fit the cap: BM25 gives a word in half the corpus
 * ("president", "said") almost no weight, yet scoring its 50,000 rows is what makes an OR
 * query slow. The ranking still counts every concept; only the lookup leaves them out. The
 * rarest form always stays, so a question of common words still finds something.
 */
function withinPostings(chosen: ReadonlySet<string>, frequency: ReadonlyMap<string, number>, total: number): string[] {
  const cap = Math.max(POSTINGS_CAP, 0.02 * total);
  const byRarity = [...chosen].sort((a, b) => frequency.get(a)! - frequency.get(b)!);
  const kept: string[] = [];
  let postings = 0;
  for (const form of byRarity) {
    const df = frequency.get(form)!;
    if (kept.length > 0 && postings + df > cap) continue;
    kept.push(form);
    postings += df;
  }
  return kept;
}

/** Expansions may read at most this many times the postings the question's own words read. */
const EXPANSION_BUDGET = 2;

/**
 * The question's words and their cheapest aliases, as one FTS5 expression:
 * `"white house" OR "washington" OR "ban" OR …`. Every form is a quoted FTS5 string
 * (ftsString), so nothing a person typed is an operator. An OR query costs about the postings
 * it reads, so aliases are added rarest first while their postings stay within
 * EXPANSION_BUDGET times those of the words asked: "White House" may bring "Biden
 * administration" along, but not "US" from every article of a 100,000-article corpus.
 */
export function anyFormExpression(concepts: readonly WeightedConcept[], total: number): string | null {
  const asked = new Map<string, number>();
  const aliases: [string, number][] = [];
  for (const c of concepts) {
    if (c.documentFrequency === 0) continue;
    const own = stemsKey(c.concept.asked);
    const forms: [string, number][] = [];
    let typed = false;
    c.concept.forms.forEach((form, i) => {
      const df = c.formFrequencies[i]!;
      if (df === 0) return;
      if (c.concept.stemForms[i]!.join(' ') === own) {
        asked.set(form.toLowerCase(), df);
        typed = true;
      } else forms.push([form.toLowerCase(), df]);
    });
    // A spelling the corpus never uses ("Zelenskiy", "UK" where it writes "U.K."): its rarest
    // form the corpus does use stands for it, or no alias would fit the budget.
    if (!typed) {
      const stand = forms.reduce((a, b) => (b[1] < a[1] ? b : a));
      asked.set(stand[0], stand[1]);
    }
    aliases.push(...forms);
  }
  let budget = EXPANSION_BUDGET * [...asked.values()].reduce((sum, df) => sum + df, 0) + 0.001 * total;
  const chosen = new Set(asked.keys());
  for (const [form, df] of aliases.sort((a, b) => a[1] - b[1])) {
    if (chosen.has(form) || df > budget) continue;
    chosen.add(form);
    budget -= df;
  }
  if (chosen.size === 0) return null;
  const frequency = new Map([...asked, ...aliases]);
  const rare = withinPostings(chosen, frequency, total);
  // Forms in a tenth of the corpus add almost nothing to BM25 but cost the most to score.
  const others = [...chosen].filter((form) => !rare.includes(form) && frequency.get(form)! <= COMMON_SHARE * total);
  const anyRare = rare.map(ftsString).join(' OR ');
  if (others.length === 0) return anyRare;
  // Rows must hold a rare form (cheap to find) and one of the other telling forms, and BM25
  // scores each form once. `rare AND (rare OR others)` kept every row with a rare form but
  // scored the rare forms twice: measured at 100,000 articles, ~30% slower for the same
  // hit@1 (34 vs 35 of 47 golden questions) and hit@3 (41 vs 40).
  return `(${anyRare}) AND (${others.map(ftsString).join(' OR ')})`;
}
