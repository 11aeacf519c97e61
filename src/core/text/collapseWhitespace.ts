/**
 * Runs of white space of two or more, and single white space that is not a plain space: what
 * `/\s+/g → ' '` changes. A single space, the most common character of prose, is not a match,
 * so prose is copied once instead of being rebuilt around every word gap.
 */
const CHANGED_WHITESPACE = /\s{2,}|[^\S ]/g;

/** The same as `text.replace(/\s+/g, ' ').trim()`, several times faster on prose. */
export const collapseWhitespace = (text: string): string => text.replace(CHANGED_WHITESPACE, ' ').trim();
