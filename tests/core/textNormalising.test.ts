import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, it } from 'vitest';
import { normaliseWhitespace } from '../../src/core/text/cleanText.ts';
import { collapseWhitespace } from '../../src/core/text/collapseWhitespace.ts';
import { contentHash } from '../../src/core/text/contentHash.ts';

// The plain definitions the fast paths must keep to: stored content hashes decide what is a
// duplicate, so a faster hash must give every stored article's hash again, byte for byte.
const plainContentHash = (title: string, body: string): string =>
  createHash('sha256')
    .update(`${title}\n${body}`.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim())
    .digest('hex');

const plainWhitespace = (text: string): string =>
  (/[\u0300-\u036f\u1100-\u11ff\uac00-\ud7a3]/.test(text) ? text.normalize('NFC') : text)
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .trim();

/** Text made of the characters these functions treat specially, mixed with plain words. */
const tricky = fc
  .array(
    fc.oneof(
      fc.constantFrom(' ', '  ', '\t', '\n', '\n\n', '\r', '\u00a0', '\u2009', '\u3000', '\u200b', '\ufeff', '\u0007', '\u007f', '‘', '’', '“', '”', 'e\u0301', 'É', 'İ', 'ß', 'Σ'),
      fc.constantFrom('Kyiv', 'ATACMS', 'long-range', 'U.S.', 'strikes', '2024'),
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('text normalising fast paths', () => {
  it('gives the content hash of the plain definition for any text, ASCII or not', () => {
    fc.assert(fc.property(tricky, tricky, (title, body) => contentHash(title, body) === plainContentHash(title, body)), { numRuns: 2_000, seed: 11 });
  });

  it('collapses white space as replacing every run with one space and trimming does', () => {
    fc.assert(fc.property(tricky, (text) => collapseWhitespace(text) === text.replace(/\s+/g, ' ').trim()), { numRuns: 2_000, seed: 13 });
  });

  it('normalises whitespace as the plain definition does for any line', () => {
    fc.assert(fc.property(tricky, (line) => normaliseWhitespace(line) === plainWhitespace(line)), { numRuns: 2_000, seed: 12 });
  });
});
