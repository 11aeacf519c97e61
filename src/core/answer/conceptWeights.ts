import { ftsString } from '../search/userQuery.ts';
import type { Concept } from './concepts.ts';
import type { EvidenceRetrieval } from './evidenceRetrieval.ts';

/** A concept with how telling it is: rare words (ATACMS, Kharkiv) outweigh common ones (war). */
export interface WeightedConcept {
  readonly concept: Concept;
  /** BM25's IDF over articles; a concept the corpus never mentions gets the highest weight. */
  readonly weight: number;
  /** Articles that mention any of its forms (an upper bound for phrases). */
  readonly documentFrequency: number;
}

/** A phrase occurs in at most as many articles as its rarest word. */
function formFrequency(stemForm: readonly string[], retrieval: EvidenceRetrieval): number {
  return stemForm.length === 0 ? 0 : Math.min(...stemForm.map((s) => retrieval.documentFrequency(s)));
}

export function weighConcepts(concepts: readonly Concept[], retrieval: EvidenceRetrieval): WeightedConcept[] {
  const total = Math.max(retrieval.articleCount(), 1);
  const weighed = concepts.map((concept) => {
    const sum = concept.stemForms.reduce((acc, form) => acc + formFrequency(form, retrieval), 0);
    const documentFrequency = Math.min(sum, total);
    // Smoothed so that in a small corpus a word in every article still counts for something,
    // and square-rooted so one rare word cannot outweigh the rest of the question.
    const weight = Math.sqrt(Math.log(1 + total / (documentFrequency + 0.5)));
    return { concept, weight, documentFrequency };
  });
  // A word the corpus never uses is most likely a paraphrase ("journalists" for "reporters"):
  // it counts like an average word, not like the rarest. Unknown names are handled apart.
  const known = weighed.filter((c) => c.documentFrequency > 0);
  const average = known.length > 0 ? known.reduce((sum, c) => sum + c.weight, 0) / known.length : 1;
  return weighed.map((c) => (c.documentFrequency > 0 || c.concept.entity ? c : { ...c, weight: average }));
}

/**
 * Any form of any concept, as an FTS5 expression: `"us" OR "white house" OR "ban" OR …`.
 * Every form is a quoted FTS5 string (ftsString), so nothing a person typed is an operator.
 * BM25 then ranks rows that match more, rarer forms first.
 */
export function anyFormExpression(concepts: readonly WeightedConcept[]): string | null {
  // Forms that stem alike ("allow", "allowed") both stay: a concept with more ways of being
  // said weighs a little more in BM25, which measured better on the golden questions.
  const forms = concepts.filter((c) => c.documentFrequency > 0).flatMap((c) => c.concept.forms);
  return forms.length === 0 ? null : [...new Set(forms.map((f) => f.toLowerCase()))].map(ftsString).join(' OR ');
}
