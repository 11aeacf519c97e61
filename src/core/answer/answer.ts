/** One source of one quote, in the shape `newsbrief ask --json` prints (DESIGN.md). */
export interface Citation {
  readonly title: string;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly quote: string;
}

export type AnswerStatus = 'answered' | 'no-answer';

/** Exactly the JSON document of `newsbrief ask --json`: nothing more, nothing less. */
export interface AnswerDocument {
  readonly question: string;
  /** The quoted sentences themselves, with outlet and date, newest evidence date last. */
  readonly answer: string;
  readonly status: AnswerStatus;
  /** Publication date of the newest evidence used; null when nothing was used. */
  readonly asOf: string | null;
  readonly citations: readonly Citation[];
}

/**
 * A quote with all the articles that carried it (near-duplicates merged). Each source keeps
 * the sentence its own article printed: wire copy reprinted with a word changed is one quote
 * here, but a citation never credits an outlet with words it did not print.
 */
export interface AnswerQuote {
  readonly text: string;
  readonly sources: readonly Citation[];
}

export interface Answer {
  readonly document: AnswerDocument;
  readonly quotes: readonly AnswerQuote[];
  /** The tracked policy's status line, first in the answer, when the question is about its current state. */
  readonly policyLine?: string;
  /** Why there is no answer, in words for people (no-answer only). */
  readonly reason?: string;
}
