import { err, ok, type Result } from '../result.ts';
import { queryError, type TopicQueryError } from './queryError.ts';

/** The pieces of a topic query, each with the column it starts at (1-based). */
export type QueryToken =
  | { readonly type: '(' | ')' | '-' | 'AND' | 'OR' | 'NOT' | 'end'; readonly column: number }
  | { readonly type: 'word' | 'phrase'; readonly text: string; readonly column: number };

const OPENING_QUOTES = new Set(['"', '“', '„', '”']);
const CLOSING_QUOTES = new Set(['"', '”', '“']);
// Slack and phones turn straight quotes into curly ones; both kinds delimit a phrase.
const WORD_END = /[\s()"“”„]/;
// Operators are case-insensitive: people type "atacms or storm shadow" in chat.
const OPERATORS: Readonly<Record<string, 'AND' | 'OR' | 'NOT'>> = { and: 'AND', or: 'OR', not: 'NOT', '&&': 'AND', '||': 'OR' };

/** Splits a query into tokens; the only error a lexer can see is an unclosed quote. */
export function lexQuery(query: string): Result<QueryToken[], TopicQueryError> {
  const tokens: QueryToken[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i]!;
    const column = i + 1;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ type: ch, column });
      i++;
    } else if (OPENING_QUOTES.has(ch)) {
      let end = i + 1;
      while (end < query.length && !CLOSING_QUOTES.has(query[end]!)) end++;
      if (end >= query.length) return err(queryError('unclosed-quote', column, 'unclosed quote', 'a closing " after the phrase'));
      tokens.push({ type: 'phrase', text: query.slice(i + 1, end), column });
      i = end + 1;
    } else if (ch === '-' && i + 1 < query.length && !/[\s)]/.test(query[i + 1]!)) {
      // A leading "-" excludes what follows it; inside a word (long-range) it is a hyphen.
      tokens.push({ type: '-', column });
      i++;
    } else if (ch === '-' && (i + 1 >= query.length || /[\s)]/.test(query[i + 1]!))) {
      return err(queryError('dangling-minus', column, 'a "-" with nothing after it', 'a word, a "phrase" or ( right after the -'));
    } else {
      let end = i + 1; // always progress, whatever the character
      while (end < query.length && !WORD_END.test(query[end]!)) end++;
      const text = query.slice(i, end);
      const operator = OPERATORS[text.toLowerCase()];
      tokens.push(operator ? { type: operator, column } : { type: 'word', text, column });
      i = end;
    }
  }
  tokens.push({ type: 'end', column: query.length + 1 });
  return ok(tokens);
}

/** How a token reads in a message: `"OR"`, `the end of the query`. */
export function describeToken(token: QueryToken): string {
  if (token.type === 'end') return 'end of the query';
  if (token.type === 'word') return `"${token.text.slice(0, 40)}"`;
  if (token.type === 'phrase') return `the phrase "${token.text.slice(0, 40)}"`;
  return `"${token.type}"`;
}
