/**
 * MinHash signatures over word shingles: two texts' signatures agree in about the same
 * share of positions as their shingle sets overlap (Jaccard similarity). Wire copies and
 * syndicated versions of one report share most 3-word shingles even when outlets trim,
 * retitle or re-link them; different reports on the same topic share few.
 */
export const SIGNATURE_SIZE = 128;
export const SHINGLE_WORDS = 3;

/** murmur3's finaliser: spreads `value ^ seed` into a well-mixed 32-bit value. */
function mix(value: number, seed: number): number {
  let h = (value ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Only the first words are shingled: wire copies and syndicated versions share their lead,
 * and this bounds the cost per article (it runs on every ingest).
 */
export const MAX_WORDS = 400;

export function words(text: string): string[] {
  const lower = text.toLowerCase();
  // NFKC leaves ASCII as it is, and most articles are ASCII: skip the costly call for them.
  const normal = /[^\x00-\x7f]/.test(lower) ? lower.normalize('NFKC') : lower;
  return (normal.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
}

export function shingles(text: string, size = SHINGLE_WORDS): Set<string> {
  const tokens = words(text);
  if (tokens.length <= size) return new Set(tokens.length > 0 ? [tokens.join(' ')] : []);
  const result = new Set<string>();
  for (let i = 0; i + size <= tokens.length; i++) result.add(tokens.slice(i, i + size).join(' '));
  return result;
}

/** FNV-1a (32-bit) of `tokens[from..to)` joined by single spaces, without building the string. */
function fnv1aJoined(tokens: readonly string[], from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let w = from; w < to; w++) {
    if (w > from) hash = Math.imul(hash ^ 0x20, 0x01000193);
    const token = tokens[w]!;
    for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

/**
 * 128 hash functions from two (Kirsch–Mitzenmacher: h_i = h1 + i·h2, then one mixing round),
 * which keeps MinHash's estimate at a fraction of the cost of 128 full hashes per shingle.
 * Shingles are hashed in place (`fnv1aJoined`) and not de-duplicated: a repeated shingle
 * gives the same minima, so the signature equals the one over `shingles(text)`.
 */
export function signature(text: string): Uint32Array {
  // Minima kept as signed ints with the top bit flipped (same order as unsigned), so the
  // hot loop compares small integers instead of doubles.
  const minima = new Int32Array(SIGNATURE_SIZE).fill(0x7fffffff);
  const tokens = words(text);
  if (tokens.length === 0) return new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  const size = Math.min(SHINGLE_WORDS, tokens.length);
  for (let start = 0; start + size <= tokens.length; start++) {
    const base = fnv1aJoined(tokens, start, start + size);
    const h1 = mix(base, 0x9e3779b9);
    const h2 = mix(base, 0x7f4a7c15) | 1;
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      // The linear combination alone is a weak family (minima correlate); one xor-shift
      // multiply round decorrelates them at the cost of three operations.
      let value = (h1 + Math.imul(i, h2)) | 0;
      value = Math.imul(value ^ (value >>> 16), 0x45d9f3b);
      value = (value ^ (value >>> 16)) ^ 0x80000000;
      if (value < minima[i]!) minima[i] = value;
    }
  }
  const result = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) result[i] = (minima[i]! ^ 0x80000000) >>> 0;
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
