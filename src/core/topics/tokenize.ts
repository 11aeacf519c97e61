import { HASH_SEED, hashStep, sharedLexicon, type Lexicon } from './lexicon.ts';

/**
 * Text as topic matching sees it: a sequence of word ids from the lexicon (lower case,
 * accents removed; the lexicon knows each word's Porter stem). Queries and items go through
 * this same function, so "Missiles", "missile" and "MISSILE" agree, and "long-range" is the
 * two words long, range — the same as "long range".
 *
 * Worked example: `Ukraine’s long-range ATACMS` → words [ukraine, long, range, atacms], stems
 * [ukrain, long, rang, atacm]. A possessive ’s is dropped; other apostrophes are removed
 * inside the word ("don't" → dont, "O'Brien" → obrien).
 */
export interface Tokens {
  /** Word ids, with FIELD_BREAK between fields. */
  readonly words: number[];
  /** The lexicon generation the ids belong to. */
  readonly generation: number;
}

/** Put between fields (title, summary, body) so a phrase never matches across two of them. */
export const FIELD_BREAK = -1;

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

/** Lower case, accents removed ("Zelenskyy", "ZELENSKYY" and "Zélenskyy" are one word). */
export function normalizeText(text: string): string {
  const lower = text.toLowerCase();
  // NFKD is the costly step; most English news is ASCII, so skip it when it cannot matter.
  // NFKD leaves ß whole; "Straße" and "strasse" are one word, as German writes either.
  return NON_ASCII.test(lower) ? lower.normalize('NFKD').replace(MARKS, '').replace(/ß/g, 'ss') : lower;
}

// 1 = letter or digit, 2 = anything else, 0 = not looked up yet. A table lookup per character
// is several times faster than a Unicode regex; this loop is the floor of all matching.
const wordChar = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  wordChar[c] = (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ? 1 : 2;
}

function isWordChar(code: number): boolean {
  let kind = wordChar[code]!;
  if (kind === 0) {
    // Astral letters (surrogate halves) count as separators: rare in news, and queries agree.
    kind = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
    wordChar[code] = kind;
  }
  return kind === 1;
}

const isApostrophe = (code: number): boolean => code === APOSTROPHE || code === RIGHT_QUOTE;

/** "ukraine's" → ukraine, "don't" → dont: the rare slow path, off the per-character loop. */
function withoutApostrophes(word: string): string {
  const bare = /['’]s$/.test(word) ? word.slice(0, -2) : word;
  return bare.replace(/['’]/g, '');
}

/** ASCII letters and digits → the lower-case character; anything else → 0 (a separator). */
const FOLD = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (wordChar[c] === 1) FOLD[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);

/**
 * Appends the word ids of one text (one field) to `into`. Most news is ASCII: that text is
 * read once, folding case as it goes (no lower-cased copy, no second pass); other text is
 * normalised first (appendNormalized). Both give the same words.
 */
function appendWords(text: string, into: number[], lexicon: Lexicon): void {
  if (NON_ASCII.test(text)) return appendNormalized(normalizeText(text), into, lexicon);
  const n = text.length;
  let i = 0;
  while (i < n) {
    let code = FOLD[text.charCodeAt(i)]!;
    if (code === 0) {
      i++;
      continue;
    }
    const start = i;
    let hash = HASH_SEED;
    do {
      hash = hashStep(hash, code);
      i++;
    } while (i < n && (code = FOLD[text.charCodeAt(i)]!) !== 0);
    if (i + 1 < n && text.charCodeAt(i) === APOSTROPHE && FOLD[text.charCodeAt(i + 1)] !== 0) {
      i = endOfAsciiWord(text, i);
      into.push(lexicon.intern(withoutApostrophes(text.slice(start, i).toLowerCase())));
      continue;
    }
    if (i - start === 1 && text.charCodeAt(i) === DOT) {
      const end = endOfInitialism(text, start, (c) => FOLD[c] !== 0);
      if (end > 0) {
        into.push(lexicon.intern(initialism(text.slice(start, end).toLowerCase())));
        i = end;
        continue;
      }
    }
    into.push(lexicon.internFolded(text, start, i, hash, FOLD));
  }
}

const DOT = 0x2e;

/**
 * Where an initialism that starts at `start` ends ("U.S.", "U.K.", "E.U": single letters joined
 * by dots), or -1 when there is none. One word, as the same name written "US" is: a topic
 * about the US then matches "U.S." too. Checked only for a one-letter word before a dot.
 */
function endOfInitialism(text: string, start: number, isLetter: (code: number) => boolean): number {
  let end = start + 1;
  while (end + 1 < text.length && text.charCodeAt(end) === DOT && isLetter(text.charCodeAt(end + 1)) && !isLetter(text.charCodeAt(end + 2))) end += 2;
  return end - start >= 3 ? end : -1;
}

const initialism = (letters: string): string => letters.replace(/\./g, '');

/** Where a word that goes on past an apostrophe (at `i`) ends: Ukraine's, don't, O'Brien. */
function endOfAsciiWord(text: string, i: number): number {
  const n = text.length;
  while (i + 1 < n && text.charCodeAt(i) === APOSTROPHE && FOLD[text.charCodeAt(i + 1)] !== 0) {
    i++;
    while (i < n && FOLD[text.charCodeAt(i)] !== 0) i++;
  }
  return i;
}

/** appendWords for text already lower-cased and stripped of accents (normalizeText). */
function appendNormalized(s: string, into: number[], lexicon: Lexicon): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    let code = s.charCodeAt(i);
    if (!isWordChar(code)) {
      i++;
      continue;
    }
    const start = i;
    let hash = HASH_SEED;
    let apostrophe = false;
    for (;;) {
      for (; i < n && isWordChar((code = s.charCodeAt(i))); i++) hash = hashStep(hash, code);
      // An apostrophe joins two runs of letters: Ukraine's, don't, O'Brien.
      if (i + 1 < n && isApostrophe(s.charCodeAt(i)) && isWordChar(s.charCodeAt(i + 1))) {
        apostrophe = true;
        i++;
        continue;
      }
      break;
    }
    if (!apostrophe && i - start === 1 && s.charCodeAt(i) === DOT) {
      const end = endOfInitialism(s, start, isWordChar);
      if (end > 0) {
        into.push(lexicon.intern(initialism(s.slice(start, end))));
        i = end;
        continue;
      }
    }
    into.push(apostrophe ? lexicon.intern(withoutApostrophes(s.slice(start, i))) : lexicon.internRange(s, start, i, hash));
  }
}

/** Tokens of several fields (title, summary, body…), with a break between fields. */
export function tokenizeFields(fields: readonly (string | null | undefined)[], lexicon: Lexicon = sharedLexicon): Tokens {
  lexicon.startText();
  const words: number[] = [];
  for (const field of fields) {
    if (!field) continue;
    if (words.length > 0) words.push(FIELD_BREAK);
    appendWords(field, words, lexicon);
  }
  return { words, generation: lexicon.generation };
}

export const tokenize = (text: string, lexicon: Lexicon = sharedLexicon): Tokens => tokenizeFields([text], lexicon);

/** The words of a text as strings (queries, tests, messages). */
export const wordsOf = (text: string, lexicon: Lexicon = sharedLexicon): string[] =>
  tokenize(text, lexicon).words.map((id) => lexicon.word(id));
