import type { QuestionAnalysis } from './questionAnalysis.ts';
import { carriesAnswerType, TYPE_WEIGHT } from './answerType.ts';
import type { WeightedConcept } from './conceptWeights.ts';
import type { ArticleHit, SentenceRow } from './evidenceRetrieval.ts';
import { ConceptMatcher } from './conceptMatching.ts';
import { stems } from './stems.ts';
import { MONTH_NAMES } from '../text/monthNames.ts';

/** A sentence that might answer, with the evidence for that. */
export interface Candidate {
  readonly sentence: SentenceRow;
  readonly article: ArticleHit;
  readonly stems: readonly string[];
  /** Share of the question's weight the sentence itself carries (0–1): the relevance threshold reads this. */
  readonly coverage: number;
  /**
   * Share of the question's weight in the sentence, the one before it and the article's title
   * and date: "Politico was first to report the news." answers "who broke the Kharkiv news"
   * because the sentence before it is about Kharkiv.
   */
  readonly support: number;
  /** Every concept the sentence, the one before it, its title or its date mention, as a bit mask. */
  readonly contextMask: number;
  /** The same for the sentence and the one before it only: where a quote's speaker is named. */
  readonly nearMask: number;
  /** Concepts the sentence mentions, with the people and places named in the one before it (who said it). */
  readonly matched: number;
  readonly score: number;
}

// How much each signal counts. Coverage leads: a quote must be about what was asked.
const W_COVERAGE = 0.5;
const W_CONTEXT = 0.15;
const W_SENTENCE_BM25 = 0.1;
const W_ARTICLE_BM25 = 0.15;
const W_RECENCY = 0.2;
/** In `support`, the sentence's own words count most; its surroundings fill in what it leaves implicit. */
const SUPPORT_OWN = 0.7;
/** Entity recognition is the slowest step, so only the leading candidates get it. */
const TYPE_CHECKED = 6;


/** The year and month an article came out, as stems a question's "April 2024" can match. */
function publicationStems(iso: string | null): string[] {
  if (!iso) return [];
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? [] : stems(`${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()}`);
}

const K1 = 1.2;
const B = 0.75;

/** BM25 of each sentence for the question, with length normalised against the average sentence read. */
function sentenceBm25(matcher: ConceptMatcher, tokensOf: ReadonlyMap<string, readonly string[]>, maskOf: ReadonlyMap<string, number>): Map<string, number> {
  let length = 0;
  for (const tokens of tokensOf.values()) length += tokens.length;
  const average = Math.max(length / Math.max(tokensOf.size, 1), 1);
  const scores = new Map<string, number>();
  for (const [key, tokens] of tokensOf) {
    scores.set(key, maskOf.get(key) === 0 ? 0 : matcher.bm25(tokens, K1, K1 * (1 - B + (B * tokens.length) / average)));
  }
  return scores;
}

const dayOf = (iso: string | null): number => (iso ? Date.parse(iso) / 86_400_000 : Number.NaN);

/**
 * "Still", "latest", "yet": among the sentences that are about the question, newer counts
 * more. The span is that of the relevant evidence only, so an unrelated 2026 article does not
 * flatten the difference between September and November 2024.
 */
function addRecency(candidates: { article: ArticleHit; support: number; score: number }[], minSupport: number): void {
  const days = candidates.filter((c) => c.support >= minSupport).map((c) => dayOf(c.article.publishedAt)).filter(Number.isFinite);
  const [oldest, newest] = [Math.min(...days), Math.max(...days)];
  if (!(newest > oldest)) return;
  for (const candidate of candidates) {
    const day = dayOf(candidate.article.publishedAt);
    if (Number.isFinite(day)) candidate.score += W_RECENCY * Math.max(0, (day - oldest) / (newest - oldest));
  }
}

/**
 * Scores each sentence within its article: how much of the question it carries, how much its
 * article's title adds, both BM25 scores, whether it holds the kind of fact asked for, and —
 * when the question asks about now — how recent its article is. Returns the candidates
 * `quotable` accepts, best first.
 */
export function rankCandidates(
  analysis: QuestionAnalysis,
  concepts: readonly WeightedConcept[],
  articles: readonly ArticleHit[],
  sentences: readonly SentenceRow[],
  minSupport: number,
  quotable: (candidate: Candidate) => boolean,
): Candidate[] {
  const scored = scoreSentences(concepts, articles, sentences);
  if (analysis.wantsRecency) addRecency(scored, minSupport);
  scored.sort((a, b) => b.score - a.score);
  // Entity recognition costs about a millisecond a sentence, so it runs only on the leaders
  // that could be quoted: the others are dropped whatever kind of fact they hold.
  const checked = analysis.answerType === 'other' ? 0 : TYPE_CHECKED;
  const leaders = scored.slice(0, checked).filter(quotable);
  const rest = scored.slice(checked).filter(quotable);
  if (leaders.length === 0) return rest;
  // The kind-of-fact bonus can reorder the leaders, never lift a sentence from far below.
  const typed = leaders.map((c) =>
    carriesAnswerType(c.sentence.text, analysis.answerType) ? { ...c, score: c.score + TYPE_WEIGHT[analysis.answerType] } : c,
  );
  return [...typed.sort((a, b) => b.score - a.score), ...rest];
}

function scoreSentences(concepts: readonly WeightedConcept[], articles: readonly ArticleHit[], sentences: readonly SentenceRow[]): Candidate[] {
  const matcher = new ConceptMatcher(concepts);
  const names = concepts.reduce((mask, c, i) => (c.concept.entity ? mask | (1 << i) : mask), 0);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const titleMask = new Map(articles.map((a) => [a.id, matcher.mask(stems(a.title))]));
  // "in April 2024" is answered by an article of April 2024 even when no sentence says so.
  const dateMask = new Map(articles.map((a) => [a.id, matcher.mask(publicationStems(a.publishedAt))]));
  const bestArticle = Math.max(...articles.map((a) => a.relevance), 1e-9);
  const tokensOf = new Map(sentences.filter((s) => matcher.mightMention(s.text)).map((s) => [`${s.articleId}:${s.position}`, stems(s.text)]));
  const maskOf = new Map([...tokensOf].map(([key, tokens]) => [key, matcher.mask(tokens)]));
  const bm25 = sentenceBm25(matcher, tokensOf, maskOf);
  const bestSentence = Math.max(...bm25.values(), 1e-9);
  return sentences.flatMap((sentence) => {
    const key = `${sentence.articleId}:${sentence.position}`;
    if (!maskOf.get(key)) return [];
    const article = byId.get(sentence.articleId)!;
    const own = maskOf.get(key)! | dateMask.get(article.id)!;
    // A quote is often attributed in the sentence before it ("Austin said … ¶ “There's no one capability …”").
    const before = maskOf.get(`${sentence.articleId}:${sentence.position - 1}`) ?? 0;
    const coverage = matcher.share(own);
    const contextMask = own | before | titleMask.get(article.id)!;
    const context = matcher.share(contextMask);
    const score =
      W_COVERAGE * coverage +
      W_CONTEXT * context +
      W_SENTENCE_BM25 * (bm25.get(key)! / bestSentence) +
      W_ARTICLE_BM25 * (article.relevance / bestArticle);
    const support = SUPPORT_OWN * coverage + (1 - SUPPORT_OWN) * context;
    return [{ sentence, article, stems: tokensOf.get(key)!, coverage, support, contextMask, nearMask: own | before, matched: ConceptMatcher.count(own | (before & names)), score }];
  });
}
