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
 */
const EMPTY = 0;
const UNKNOWN_STEM = -1;

/** FNV-1a step; the tokenizer feeds characters through it as it scans. */
export const hashStep = (hash: number, code: number): number => Math.imul(hash ^ code, 16777619);
export const HASH_SEED = 0x811c9dc5 | 0;

export class Lexicon {
  private table: Int32Array;
  private mask: number;
  private words: string[] = [];
  private hashes: number[] = [];
  private stems: number[] = [];
  private current = 0;

  constructor(private readonly limit = 2_000_000) {
    this.table = new Int32Array(1 << 16);
    this.mask = this.table.length - 1;
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
    this.table = new Int32Array(1 << 16);
    this.mask = this.table.length - 1;
    this.words = [];
    this.hashes = [];
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
      const stemmed = stemmer(word);
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
    const length = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.table[slot]!;
      if (entry === EMPTY) return this.insert(slot, text.slice(start, end), hash);
      const id = entry - 1;
      if (this.hashes[id] === hash && this.sameWord(this.words[id]!, text, start, length)) return id;
    }
  }

  private sameWord(word: string, text: string, start: number, length: number): boolean {
    if (word.length !== length) return false;
    for (let i = 0; i < length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
    return true;
  }

  private insert(slot: number, word: string, hash: number): number {
    const id = this.words.length;
    this.words.push(word);
    this.hashes.push(hash);
    this.stems.push(UNKNOWN_STEM);
    this.table[slot] = id + 1;
    if (this.words.length * 2 > this.table.length) this.grow();
    return id;
  }

  private grow(): void {
    this.table = new Int32Array(this.table.length * 2);
    this.mask = this.table.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let slot = this.hashes[id]! & this.mask;
      while (this.table[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.table[slot] = id + 1;
    }
  }
}

/** The process's lexicon: every tokenizer and index share it, so their ids agree. */
export const sharedLexicon = new Lexicon();
