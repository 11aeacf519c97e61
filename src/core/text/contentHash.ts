import { createHash } from 'node:crypto';
import { collapseWhitespace } from './collapseWhitespace.ts';

const NON_ASCII = /[^\x00-\x7f]/;

/** Same words in the same order → same hash, whatever the spacing, case or quote style. */
export function contentHash(title: string, body: string): string {
  const lower = `${title}\n${body}`.toLowerCase();
  const quotes = NON_ASCII.test(lower) ? lower.replace(/[‘’]/g, "'").replace(/[“”]/g, '"') : lower;
  return createHash('sha256').update(collapseWhitespace(quotes)).digest('hex');
}
