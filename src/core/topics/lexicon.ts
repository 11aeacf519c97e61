import { stemmer } from 'stemmer';

/**
 * Interns words as small integers, so tokenizing a text allocates no string per word and
 * matching compares numbers. Each word also knows the id of its Porter stem ("missiles" →
 * "missil"), computed once, the first time the word is seen.
 *
 * Why not a Map<string, …>: slicing each word out of the text and hashing it again in a Map
 * costs more than reading the text; this table hashes the characters while the tokenizer
 * scans them and compares in place. Tokenizing is the floor of all matching (see the match
 * benchmark), so it is worth the 100 lines.
 *
 * A stream of never-repeating junk cannot grow it without bound: past `limit` words the table
 * starts over with a new `generation`, and holders of ids (the topic index) re-resolve theirs.
 * A word costs ~100 bytes here (measured: 49 MB for 500,000 words and their stems), so the
 * default limit holds it to ~50 MB per thread (the main thread and each ingest worker keep
 * one) on a bot that runs for months. The first 50,000 articles of the ingest benchmark bring
 * 72,000 words; starting over costs only the re-interning of the words seen next.
 */
const EMPTY = 0;
const UNKNOWN_STEM = -1;

/**
 * Porter's stem, but "use", "used", "uses" and "using" stem to "use", not "us": a topic about the
 * US (tokenize.ts reads "U.S." as us) must not match every article that uses something.
 */
function stemOfWord(word: string): string {
  const stemmed = stemmer(word);
  return stemmed === 'us' && word !== 'us' ? 'use' : stemmed;
}

/** FNV-1a step; the tokenizer feeds characters through it as it scans. */
export const hashStep = (hash: number, code: number): number => Math.imul(hash ^ code, 16777619);
export const HASH_SEED = 0x811c9dc5 | 0;

export class Lexicon {
  /** Open addressing, two ints per slot: the word's hash and its id + 1 (0 = empty). */
  private table: Int32Array;
  private mask: number;
  private words: string[] = [];
  /** Every word's characters end to end; word `id` is `chars[starts[id]] … chars[starts[id + 1]]`. */
  private chars = new Uint16Array(1 << 16);
  private starts = new Int32Array(1024);
  private stems: number[] = [];
  private current = 0;

  constructor(private readonly limit = 500_000) {
    this.table = new Int32Array(2 << 16);
    this.mask = (1 << 16) - 1;
  }

  /** Changes whenever the table starts over; ids from an older generation mean nothing. */
  get generation(): number {
    return this.current;
  }

  get size(): number {
    return this.words.length;
  }

  /** Starts over when full. Called between texts, never in the middle of one. */
  startText(): void {
    if (this.words.length < this.limit) return;
    this.table = new Int32Array(2 << 16);
    this.mask = (1 << 16) - 1;
    this.words = [];
    this.starts = new Int32Array(1024);
    this.stems = [];
    this.current++;
  }

  word(id: number): string {
    return this.words[id]!;
  }

  /** The id of the word's Porter stem (itself interned). */
  stemOf(id: number): number {
    let stem = this.stems[id]!;
    if (stem === UNKNOWN_STEM) {
      const word = this.words[id]!;
      const stemmed = stemOfWord(word);
      stem = stemmed === word ? id : this.intern(stemmed);
      this.stems[id] = stem;
    }
    return stem;
  }

  /** The id of a word already normalised (lower case, no accents). */
  intern(word: string): number {
    let hash = HASH_SEED;
    for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
    return this.internRange(word, 0, word.length, hash);
  }

  /** The id of `text.slice(start, end)`, whose hash the caller computed while scanning it. */
  internRange(text: string, start: number, end: number, hash: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.table[2 * slot + 1]!;
      if (entry === EMPTY) return this.insert(slot, text.slice(start, end), hash);
      if (this.table[2 * slot] === hash && this.sameWord(entry - 1, text, start, end, null)) return entry - 1;
    }
  }

  /**
   * The same for ASCII text not yet lower-cased: `fold` maps each character of the word to the
   * character it stands for (tokenize.ts folds case while it scans, instead of copying the text).
   */
  internFolded(text: string, start: number, end: number, hash: number, fold: Uint8Array): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.table[2 * slot + 1]!;
      if (entry === EMPTY) return this.insert(slot, text.slice(start, end).toLowerCase(), hash);
      if (this.table[2 * slot] === hash && this.sameWord(entry - 1, text, start, end, fold)) return entry - 1;
    }
  }

  private sameWord(id: number, text: string, start: number, end: number, fold: Uint8Array | null): boolean {
    const from = this.starts[id]!;
    if (this.starts[id + 1]! - from !== end - start) return false;
    const chars = this.chars;
    for (let i = start, at = from; i < end; i++, at++) {
      const code = fold ? fold[text.charCodeAt(i)]! : text.charCodeAt(i);
      if (chars[at] !== code) return false;
    }
    return true;
  }

  private insert(slot: number, word: string, hash: number): number {
    const id = this.words.length;
    this.words.push(word);
    this.stems.push(UNKNOWN_STEM);
    this.appendChars(id, word);
    this.table[2 * slot] = hash;
    this.table[2 * slot + 1] = id + 1;
    if (this.words.length * 2 > this.mask + 1) this.grow();
    return id;
  }

  private appendChars(id: number, word: string): void {
    while (id + 2 > this.starts.length) {
      const grown = new Int32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    const from = this.starts[id]!;
    while (from + word.length > this.chars.length) {
      const grown = new Uint16Array(this.chars.length * 2);
      grown.set(this.chars);
      this.chars = grown;
    }
    for (let i = 0; i < word.length; i++) this.chars[from + i] = word.charCodeAt(i);
    this.starts[id + 1] = from + word.length;
  }

  private grow(): void {
    const old = this.table;
    const size = (this.mask + 1) * 2;
    this.table = new Int32Array(2 * size);
    this.mask = size - 1;
    for (let slot = 0; slot < old.length / 2; slot++) {
      const entry = old[2 * slot + 1]!;
      if (entry === EMPTY) continue;
      let at = old[2 * slot]! & this.mask;
      while (this.table[2 * at + 1] !== EMPTY) at = (at + 1) & this.mask;
      this.table[2 * at] = old[2 * slot]!;
      this.table[2 * at + 1] = entry;
    }
  }
}

/** The process's lexicon: every tokenizer and index share it, so their ids agree. */
export const sharedLexicon = new Lexicon();
