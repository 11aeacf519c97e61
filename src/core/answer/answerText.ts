import type { Answer, AnswerQuote, Citation } from './answer.ts';
import type { PolicyStatusLine } from './policyStatusLookup.ts';

const day = (iso: string | null | undefined): string | undefined => iso?.slice(0, 10);

/** "CNN, 2024-05-30, https://…": how a quote's source reads after it; "no link" says the corpus has none. */
function sourceLine(source: Citation): string {
  return [source.outlet ?? 'unknown outlet', day(source.publishedAt), source.url ?? 'no link'].filter(Boolean).join(', ');
}

/** The newest date among the evidence used: what the answer is "as of". */
function newest(dates: readonly (string | null | undefined)[]): string | null {
  const known = dates.filter((d): d is string => Boolean(d));
  return known.length === 0 ? null : known.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

/** A quote's sources grouped by the words each printed, the quote's own wording first: every cited sentence appears verbatim. */
function wordings(quote: AnswerQuote): [string, Citation[]][] {
  const byText = new Map<string, Citation[]>([[quote.text, []]]);
  for (const source of quote.sources) byText.set(source.quote, [...(byText.get(source.quote) ?? []), source]);
  return [...byText].filter(([, sources]) => sources.length > 0);
}

/**
 * The answer as people read it: the policy status line (when there is one), then each quote
 * verbatim with its sources, then "As of". The JSON `answer` field carries the same text.
 */
export function composeAnswer(question: string, quotes: readonly AnswerQuote[], policy?: PolicyStatusLine): Answer {
  const asOf = newest([...quotes.flatMap((q) => q.sources.map((s) => s.publishedAt)), policy?.asOf]);
  const lines = [
    ...(policy ? [policy.line] : []),
    ...quotes.flatMap((q) => wordings(q).map(([text, sources]) => `“${text}” — ${sources.map(sourceLine).join('; ')}`)),
    ...(asOf ? [`As of ${day(asOf)}.`] : []),
  ];
  const citations: Citation[] = quotes.flatMap((q) => q.sources);
  return {
    document: { question, answer: lines.join('\n'), status: 'answered', asOf, citations },
    quotes,
    ...(policy ? { policyLine: policy.line } : {}),
  };
}

export function noAnswer(question: string, reason: string): Answer {
  return {
    document: { question, answer: `${reason} No article in the corpus answers this question.`, status: 'no-answer', asOf: null, citations: [] },
    quotes: [],
    reason,
  };
}
