/**
 * MinHash signatures over word shingles: two texts' signatures agree in about the same
 * share of positions as their shingle sets overlap (Jaccard similarity). Wire copies and
 * syndicated versions of one report share most 3-word shingles even when outlets trim,
 * retitle or re-link them; different reports on the same topic share few.
 */
export const SIGNATURE_SIZE = 128;
export const SHINGLE_WORDS = 3;
/** A 32-bit hash shifted right by this gives a bin: its top log2(SIGNATURE_SIZE) bits. */
const BIN_SHIFT = 32 - Math.log2(SIGNATURE_SIZE);

/**
 * murmur3's finaliser: spreads `value ^ seed` into a well-mixed 32-bit value, as a signed
 * int. Every caller reads it through a bit operation (>>>, ^, |), which sees the same 32
 * bits either way; kept signed, the value stays a small integer instead of a double.
 */
function mix(value: number, seed: number): number {
  let h = value ^ seed;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * Only the first words are shingled: wire copies and syndicated versions share their lead,
 * and this bounds the cost per article (it runs on every ingest).
 */
export const MAX_WORDS = 400;

const FNV_SEED = 0x811c9dc5 | 0;
const fnvStep = (hash: number, code: number): number => Math.imul(hash ^ code, 0x01000193);

/** ASCII letters and digits → the lower-case character code; anything else → 0 (a separator). */
const FOLD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const char = String.fromCharCode(c);
  if (/[a-z0-9]/i.test(char)) FOLD[c] = char.toLowerCase().charCodeAt(0);
}

/**
 * FNV-1a hashes of the text's first MAX_WORDS words: runs of letters and digits, lower case,
 * NFKC-normalised. ASCII text (most news) is hashed as it is scanned, without a string per
 * word; other text goes through the Unicode regex, which gives the same words.
 */
function wordHashes(text: string): Int32Array {
  if (/[^\x00-\x7f]/.test(text)) return hashAll(unicodeWords(text));
  const hashes = new Int32Array(MAX_WORDS);
  let count = 0;
  for (let i = 0, n = text.length; i < n && count < MAX_WORDS; ) {
    let code = FOLD[text.charCodeAt(i)]!;
    if (code === 0) {
      i++;
      continue;
    }
    let hash = FNV_SEED;
    do {
      hash = fnvStep(hash, code);
      i++;
    } while (i < n && (code = FOLD[text.charCodeAt(i)]!) !== 0);
    hashes[count++] = hash;
  }
  return hashes.subarray(0, count);
}

function unicodeWords(text: string): string[] {
  const normal = text.toLowerCase().normalize('NFKC');
  return (normal.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
}

function hashAll(words: readonly string[]): Int32Array {
  const hashes = new Int32Array(words.length);
  words.forEach((word, w) => {
    let hash = FNV_SEED;
    for (let i = 0; i < word.length; i++) hash = fnvStep(hash, word.charCodeAt(i));
    hashes[w] = hash;
  });
  return hashes;
}

/**
 * One-permutation MinHash (Li, Owen & Zhang 2012) with optimal densification (Shrivastava
 * 2017): each shingle is hashed once, its top 7 bits pick one of the 128 bins and the bin
 * keeps its smallest value. A bin no shingle fell into borrows the value of a bin picked by
 * a hash of its own index, retried until it finds a filled one; both texts pick the same way,
 * so borrowed values agree exactly when their sources do. The estimate of Jaccard similarity
 * is as good as with 128 independent hashes (see the story tests), at 1/128th of the hashing:
 * the 128-hash version was a fifth of the CPU time of preparing an article.
 * Shingles are not de-duplicated: a repeated shingle falls into the same bin with the same
 * value, so it changes nothing.
 */
export function signature(text: string): Uint32Array {
  const result = new Uint32Array(SIGNATURE_SIZE);
  const words = wordHashes(text);
  if (words.length === 0) return result.fill(0xffffffff);
  // Minima kept as signed ints with the top bit flipped (same order as unsigned), so the loop
  // compares small integers instead of doubles.
  const minima = new Int32Array(SIGNATURE_SIZE).fill(0x7fffffff);
  const filled = new Uint8Array(SIGNATURE_SIZE);
  const size = Math.min(SHINGLE_WORDS, words.length);
  for (let start = 0; start + size <= words.length; start++) {
    // The shingle's hash, from its words' hashes in order ("a b c" and "c b a" differ).
    let base = 0;
    for (let w = start; w < start + size; w++) base = mix(words[w]!, base);
    const bin = mix(base, 0x9e3779b9) >>> BIN_SHIFT;
    const value = (mix(base, 0x7f4a7c15) ^ 0x80000000) | 0;
    filled[bin] = 1;
    if (value < minima[bin]!) minima[bin] = value;
  }
  for (let bin = 0; bin < SIGNATURE_SIZE; bin++) {
    let source = bin;
    for (let attempt = 1; filled[source] === 0; attempt++) source = mix(bin, Math.imul(attempt, 0x9e3779b9)) >>> BIN_SHIFT;
    result[bin] = (minima[source]! ^ 0x80000000) >>> 0;
  }
  return result;
}

/** Estimated Jaccard similarity: the share of positions where two signatures agree. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same += 1;
  return same / SIGNATURE_SIZE;
}

/**
 * LSH bands: 32 bands of 4 rows. Two texts with Jaccard s share at least one band with
 * probability 1 − (1 − s⁴)³², about 0.98 at s = 0.5 and 0.03 at s = 0.2, so only likely
 * near-duplicates are compared in full.
 */
export const BANDS = 32;
const ROWS = SIGNATURE_SIZE / BANDS;

export function bandBuckets(sig: Uint32Array, out = new Int32Array(BANDS)): Int32Array {
  for (let band = 0; band < BANDS; band++) {
    let hash = band + 1;
    for (let r = 0; r < ROWS; r++) hash = mix(sig[band * ROWS + r]!, hash);
    out[band] = hash | 0;
  }
  return out;
}
