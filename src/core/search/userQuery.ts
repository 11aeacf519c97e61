/**
 * People type questions, not FTS5 syntax. Whatever they type — quotes, NEAR(, *, -, title:,
 * AND/OR, brackets, emoji, RTL text, 10,000 characters — becomes a list of plain words, each
 * quoted as an FTS5 string, so SQLite never sees an operator or a column name from a user.
 */
const MAX_TERMS = 32;
const MAX_TERM_LENGTH = 64;

export function userTerms(text: string): string[] {
  const words = text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const unique = [...new Set(words.filter((w) => w.length <= MAX_TERM_LENGTH))];
  return unique.slice(0, MAX_TERMS);
}

/** `"word"` with inner quotes doubled: an FTS5 string literal, never an operator. */
export const ftsString = (term: string): string => `"${term.replace(/"/g, '""')}"`;

/** All terms must appear (`all`) or any of them (`any`); `null` when nothing searchable is left. */
export function toFtsQuery(terms: readonly string[], mode: 'all' | 'any'): string | null {
  if (terms.length === 0) return null;
  return terms.map(ftsString).join(mode === 'all' ? ' AND ' : ' OR ');
}
