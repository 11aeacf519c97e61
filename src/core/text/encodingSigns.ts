/**
 * What bytes say about their own encoding, before anyone declares one: a byte-order mark, and
 * whether they are valid UTF-8. Feeds (src/feeds/charset.ts) and ingested files
 * (textBytes.ts) decide their charset from these.
 */

/** The encoding a byte-order mark names, with the mark's length. */
export function byteOrderMark(bytes: Uint8Array): { charset: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return undefined;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
