/**
 * The index keeps its per-word, per-slot and per-topic state in typed arrays (flat, no object
 * per entry); these grow them by doubling, keeping what they hold.
 */
export function filled(length: number, value: number): Int32Array<ArrayBuffer> {
  return new Int32Array(length).fill(value);
}

export function grow(array: Int32Array, fill: number): Int32Array<ArrayBuffer> {
  const grown = filled(array.length * 2, fill);
  grown.set(array);
  return grown;
}
