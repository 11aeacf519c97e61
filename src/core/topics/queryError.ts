import type { AppError } from '../result.ts';

/**
 * Why a topic query was refused, with where: codes are `topics/<what>`, the message reads
 * "unclosed quote at column 14: expected a closing \"" so a person can find and fix it.
 */
export interface TopicQueryError extends AppError {
  /** 1-based position in the query as typed. */
  readonly column: number;
  /** What the parser would have accepted there, when that is the problem. */
  readonly expected?: string;
}

export function queryError(code: string, column: number, problem: string, expected?: string): TopicQueryError {
  const message = `${problem} at column ${column}${expected ? `: expected ${expected}` : ''}`;
  return expected === undefined
    ? { code: `topics/${code}`, message, column }
    : { code: `topics/${code}`, message, column, expected };
}
