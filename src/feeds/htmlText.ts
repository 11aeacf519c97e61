import { compile } from 'html-to-text';
import { collapseWhitespace } from '../core/text/collapseWhitespace.ts';

const OPTIONS = {
  wordwrap: false as const,
  preserveNewlines: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'figure', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'table', format: 'block' },
    { selector: 'ul', options: { itemPrefix: '' } },
  ],
};

const convert = compile(OPTIONS);

const MARKUP = /<[a-z!/?][^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);/i;

/**
 * Feed HTML → plain text with one paragraph per block element, which is what the ingest
 * cleaner expects. Text without markup is returned as it is (a cheap, common case).
 */
export function htmlToText(html: string): string {
  if (!MARKUP.test(html)) return html.trim();
  return convert(html).replace(/\n{3,}/g, '\n\n').trim();
}

/** A title or name: text on one line. */
export function htmlToLine(html: string): string {
  return collapseWhitespace(htmlToText(html));
}
