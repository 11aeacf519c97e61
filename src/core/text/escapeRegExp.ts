/** Text as a regular-expression source that matches it literally (aliases, stems, lexicon forms). */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
