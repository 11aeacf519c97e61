import { createHash } from 'node:crypto';

/** Same words in the same order → same hash, whatever the spacing, case or quote style. */
export function contentHash(title: string, body: string): string {
  const normalised = `${title}\n${body}`
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  return createHash('sha256').update(normalised).digest('hex');
}
