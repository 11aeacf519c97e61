/**
 * compromise's test of whether a chunk of text ends a sentence (`isSentence` in its
 * tokenizer: not after "F.B.I.", "Mr.", "W." or "..."), answered from the chunk's last
 * characters. compromise runs end-anchored regexes and splits the whole chunk into words, so
 * each call reads the chunk from its start: over half of splitting an article's sentences.
 * Same answer for every chunk (tests/core/sentenceEnd.test.ts compares the two).
 */
const LETTER = /\p{L}/u;
const SPACE = 0x20;
const DOT = 0x2e;
const ELLIPSIS = 0x2026;

const isAsciiLetter = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
const isUpperAscii = (code: number): boolean => code >= 0x41 && code <= 0x5a;

export function endsSentence(chunk: string, abbreviations: object): boolean {
  if (!LETTER.test(chunk)) return false;
  let end = chunk.length;
  while (end > 0 && chunk.charCodeAt(end - 1) === SPACE) end--;
  if (endsWithInitial(chunk, end)) return false;
  // "W. Kensington": a lone initial, as the whole chunk.
  if (chunk.length === 3 && isUpperAscii(chunk.charCodeAt(0)) && chunk.charCodeAt(1) === DOT && chunk.charCodeAt(2) === SPACE) return false;
  const last = chunk.charCodeAt(end - 1);
  if (last === ELLIPSIS || (last === DOT && chunk.charCodeAt(end - 2) === DOT)) return false;
  // An abbreviation ("Gen.", "Sen.") before a final period: the last space-separated word.
  if (last !== DOT) return true;
  const text = chunk.slice(0, end - 1);
  const lastWord = text.slice(text.lastIndexOf(' ') + 1).toLowerCase();
  return !Object.prototype.hasOwnProperty.call(abbreviations, lastWord);
}

/** "… N.S.A." or "… U.S": a single letter after a space or a dot, then at most one dot. */
function endsWithInitial(chunk: string, end: number): boolean {
  let k = end;
  if (k > 0 && chunk.charCodeAt(k - 1) === DOT) k--;
  if (k < 2 || !isAsciiLetter(chunk.charCodeAt(k - 1))) return false;
  const before = chunk.charCodeAt(k - 2);
  return before === SPACE || before === DOT;
}
