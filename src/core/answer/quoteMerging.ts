import type { Candidate } from './sentenceRanking.ts';

/** One quote and every article that carried it (best-scoring first). */
export interface MergedQuote {
  readonly text: string;
  readonly best: Candidate;
  readonly reports: readonly Candidate[];
}

/** Same words, perhaps a word or two changed or trimmed: wire copy reprinted by several outlets. */
const SAME_WORDS = 0.8;

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const word of small) if (large.has(word)) shared += 1;
  // Overlap coefficient: a quote trimmed by one outlet still matches the full sentence.
  return shared / small.size;
}

/**
 * Folds near-identical sentences from different articles into one quote with all its sources,
 * so the same line in three articles is quoted once, not three times. Candidates arrive best
 * first; a sentence joins the first quote it repeats. Sentences in the same article never merge.
 * Only candidates scoring at least `minScore` start a quote (the others would not be quoted):
 * the rest only add their sources to one, so hundreds of weak candidates are compared against
 * a few quotes rather than against each other.
 */
export function mergeNearDuplicates(candidates: readonly Candidate[], minScore = -Infinity): MergedQuote[] {
  const quotes: { text: string; best: Candidate; reports: Candidate[]; words: Set<string> }[] = [];
  for (const candidate of candidates) {
    const words = new Set(candidate.stems);
    const same = quotes.find(
      (q) =>
        overlap(q.words, words) >= SAME_WORDS &&
        Math.min(q.words.size, words.size) >= 0.6 * Math.max(q.words.size, words.size) &&
        !q.reports.some((r) => r.article.id === candidate.article.id),
    );
    if (same) same.reports.push(candidate);
    else if (candidate.score >= minScore) quotes.push({ text: candidate.sentence.text, best: candidate, reports: [candidate], words });
  }
  return quotes.map(({ text, best, reports }) => ({ text, best, reports }));
}
