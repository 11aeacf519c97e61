import type { Logger } from 'pino';
import type { ArticleStore } from '../store/articleStore.ts';
import type { Db } from '../store/database.ts';
import type { Answer, AnswerQuote, Citation } from './answer.ts';
import { composeAnswer, noAnswer } from './answerText.ts';
import { anyFormExpression, mostTelling, weighConcepts, type WeightedConcept } from './conceptWeights.ts';
import { EvidenceRetrieval } from './evidenceRetrieval.ts';
import type { PolicyStatusLookup } from './policyStatusLookup.ts';
import { analyseQuestion, type QuestionAnalysis } from './questionAnalysis.ts';
import { mergeNearDuplicates, type MergedQuote } from './quoteMerging.ts';
import { rankCandidates, type Candidate } from './sentenceRanking.ts';
import { MONTH_NAMES } from '../text/monthNames.ts';

/** Articles whose sentences are read for an answer: 12 measured as good as 24 on the golden questions, at half the cost. */
const ARTICLES_READ = 12;
/**
 * Below this share of the question's weight in its best sentence (and its surroundings), the corpus does not know:
 * better "nothing on that" than a quote about something else. Set from the golden suite
 * (tests/answer/goldenQuestions.test.ts): answered questions sit well above, off-topic below.
 */
export const MIN_SUPPORT = 0.5;
/** Further quotes must be nearly as good as the first one. */
const SECOND_QUOTE_RATIO = 0.85;
const MAX_QUOTES = 3;

/**
 * `ask`: finds the sentences that answer a question and quotes them with their sources.
 * Question → concepts (aliases, stems) → BM25 over articles → BM25 over those articles'
 * sentences → ranking → near-duplicate merge → 1–3 quotes, or a plain "no answer".
 */
export class AnswerService {
  private readonly retrieval: EvidenceRetrieval;
  private policyStatus: PolicyStatusLookup | undefined;

  constructor(
    db: Db,
    articles: ArticleStore,
    private readonly logger: Logger,
  ) {
    this.retrieval = new EvidenceRetrieval(db, articles);
  }

  /** createCore connects the policy tracker here (see PolicyStatusLookup). */
  usePolicyStatus(lookup: PolicyStatusLookup): void {
    this.policyStatus = lookup;
  }

  ask(question: string): Answer {
    const analysis = analyseQuestion(question);
    const articleCount = this.retrieval.articleCount();
    const concepts = mostTelling(weighConcepts(analysis.concepts, this.retrieval, articleCount));
    const unknown = unknownName(analysis, concepts) ?? unknownSpeaker(analysis, concepts);
    if (unknown) return noAnswer(question, `The corpus has nothing on “${unknown}”.`);
    if (mostlyUnknown(concepts)) return noAnswer(question, 'The corpus has nothing on that: most of its words appear in no article.');
    const expression = anyFormExpression(concepts, articleCount);
    if (!expression) return noAnswer(question, 'The corpus has nothing on that.');
    const quotes = this.bestQuotes(analysis, concepts, expression);
    const policy = this.policyLine(analysis);
    if (quotes.length === 0 && !policy) return noAnswer(question, 'The corpus has nothing on that.');
    this.logger.debug({ concepts: concepts.map((c) => c.concept.label), quotes: quotes.length }, 'question answered');
    return composeAnswer(question, quotes.map(toAnswerQuote), policy);
  }

  private bestQuotes(analysis: QuestionAnalysis, concepts: readonly WeightedConcept[], expression: string): MergedQuote[] {
    const articles = this.retrieval.topArticles(expression, ARTICLES_READ);
    const sentences = this.retrieval.sentencesOf(articles.map((a) => a.id));
    const needed = Math.min(2, concepts.length);
    const required = numberMask(concepts) | namedMask(concepts, this.retrieval.articleCount());
    const speakers = speakerMask(concepts, analysis.speakers);
    const quotable = (c: Candidate): boolean =>
      c.support >= MIN_SUPPORT && c.matched >= needed && (c.contextMask & required) === required && (speakers === 0 || (c.nearMask & speakers) !== 0);
    const relevant = rankCandidates(analysis, concepts, articles, sentences, MIN_SUPPORT, quotable);
    const first = relevant[0];
    if (!first) return [];
    const quoted = SECOND_QUOTE_RATIO * first.score;
    return mergeNearDuplicates(relevant, quoted).slice(0, MAX_QUOTES);
  }

  private policyLine(analysis: QuestionAnalysis): ReturnType<PolicyStatusLookup['statusLineFor']> {
    if (!this.policyStatus || !analysis.asksCurrentState) return undefined;
    try {
      return this.policyStatus.statusLineFor(analysis.question);
    } catch (error) {
      // The quotes still answer; the status line is a bonus, so its failure is logged, not fatal.
      this.logger.error({ err: error }, 'policy status lookup failed while answering');
      return undefined;
    }
  }
}

/**
 * A name the question gives (compromise says person, place or organisation) that no article
 * mentions: "the capital of Peru" in a corpus without Peru. Nothing can answer it.
 */
function unknownName(analysis: QuestionAnalysis, concepts: readonly WeightedConcept[]): string | undefined {
  const missing = concepts.find(
    (c) => c.documentFrequency === 0 && c.concept.stemForms.some((form) => form.some((s) => analysis.namedStems.has(s))),
  );
  return missing?.concept.label;
}

/**
 * Numbers a question names (years, counts) and months must be in what is quoted, its neighbour, title or
 * date: a sentence about the 2006 World Cup does not answer a question about 2018's.
 */
function numberMask(concepts: readonly WeightedConcept[]): number {
  return concepts.reduce((mask, c, i) => (/^\d+$/.test(c.concept.label) || MONTHS_ASKED.has(c.concept.label) ? mask | (1 << i) : mask), 0);
}

/** Months count as dates do: "in November 2024" is not answered by a September report that never says November ("may" is mostly the verb). */
const MONTHS_ASKED: ReadonlySet<string> = new Set(MONTH_NAMES.filter((month) => month !== 'may'));

/**
 * Who or what a question names (Trump, Poland, the UK, Storm Shadow) must be in what is quoted,
 * its neighbour or its title: "Did Trump lift the ban?" is not answered by a line about Biden.
 * Names in most of the corpus (Ukraine, Russia in a corpus about their war) say nothing about
 * which sentence answers, so only the rarer ones are required.
 */
const NAMED_SHARE = 0.5;

function namedMask(concepts: readonly WeightedConcept[], articleCount: number): number {
  return concepts.reduce((mask, c, i) => {
    if (!c.concept.entity) return mask;
    // By its one-word names: a phrase's count is bounded by its commonest word's ("Ukrainian
    // President" by "president"), which would make every person with a title look common.
    const df = c.formFrequencies.reduce((sum, f, form) => (c.concept.stemForms[form]!.length === 1 ? sum + f : sum), 0);
    return df > 0 && df <= NAMED_SHARE * articleCount ? mask | (1 << i) : mask;
  }, 0);
}

/** "What did Rishi Sunak say…" in a corpus that never names him: nobody in it said it. */
function unknownSpeaker(analysis: QuestionAnalysis, concepts: readonly WeightedConcept[]): string | undefined {
  const speakers = concepts.filter((c) => analysis.speakers.has(c.concept.label));
  return speakers.length > 0 && speakers.every((c) => c.documentFrequency === 0) ? speakers.map((c) => c.concept.asked).join(' ') : undefined;
}

/** Whoever the question wants words from (questionAnalysis: speakers): one of them must be named in the quote or the sentence before it. */
function speakerMask(concepts: readonly WeightedConcept[], speakers: ReadonlySet<string>): number {
  return concepts.reduce((mask, c, i) => (speakers.has(c.concept.label) && c.documentFrequency > 0 ? mask | (1 << i) : mask), 0);
}

/** "How do I bake sourdough bread at home?": when most of a question is foreign to the corpus, only a stray word could match. */
function mostlyUnknown(concepts: readonly WeightedConcept[]): boolean {
  const unknown = concepts.filter((c) => c.documentFrequency === 0).length;
  return unknown * 2 > concepts.length;
}

function toAnswerQuote(quote: MergedQuote): AnswerQuote {
  const seen = new Set<number>();
  const sources: Citation[] = [];
  for (const report of quote.reports) {
    if (seen.has(report.article.id)) continue;
    seen.add(report.article.id);
    const { title, outlet, url, publishedAt } = report.article;
    sources.push({ title, outlet, url, publishedAt, quote: report.sentence.text });
  }
  return { text: quote.text, sources };
}
