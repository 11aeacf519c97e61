import { stemmer } from 'stemmer';

/**
 * Words as the FTS5 index sees them (unicode61 with diacritics removed, then Porter), so
 * what we count in JavaScript agrees with what SQLite matched: "Zelenskyy's" → zelenskyy, s;
 * "long-range" → long, rang; "U.S." → u, s.
 *
 * One departure: "US" in capitals is read as "U.S." (u, s). Porter stems "use", "used" and
 * "uses" to "us", so otherwise every sentence that uses something would mention the United
 * States, and every question asking whether Ukraine may use a weapon would ask about it.
 */
export function words(text: string): string[] {
  const spelled = spelledUS(text);
  // Most news text is ASCII: no Unicode decomposition, and letters and digits are [a-z0-9].
  if (ASCII.test(spelled)) return spelled.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return withoutAccents(spelled).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The text `words` splits: "US" spelled "U.S.", lower case, and for non-ASCII text accents
 * removed. Every word of `words(text)` stands in it between two characters that are not
 * letters or digits, so a cheap scan of it can tell that a text cannot hold a stem.
 */
export function foldedText(text: string): string {
  const spelled = spelledUS(text);
  return ASCII.test(spelled) ? spelled.toLowerCase() : withoutAccents(spelled);
}

const spelledUS = (text: string): string => (text.includes('US') ? text.replace(CAPITAL_US, 'U.S.') : text);
const withoutAccents = (text: string): string => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

const ASCII = /^[\x00-\x7f]*$/;
const CAPITAL_US = /(?<![\p{L}\p{N}])US(?![\p{L}\p{N}])/gu;

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** Porter stem of one lower-case word, memoised: the same few thousand words recur in news. */
export function stem(word: string): string {
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

export const stems = (text: string): string[] => words(text).map(stem);

/** True when `phrase` (stems) occurs as consecutive stems in `tokens`. */
export function containsPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  if (phrase.length === 1) return tokens.includes(phrase[0]!);
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}
