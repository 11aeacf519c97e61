import { stemmer } from 'stemmer';

// Words that say nothing about which development a headline reports.
const STOP = new Set(
  ('a an and are as at be been but by for from had has have he her his how in into is it its of on or our over ' +
    'says said say that the their them they this to up was were what when where which while who why will with ' +
    'would after about against amid as new not no more than then there these those after also just now report reports')
    .split(' '),
);

/** The stemmed content words of a headline: "Pressure builds on Biden…" → {pressur, build, biden, …}. */
export function titleTerms(title: string): Set<string> {
  const words = title.toLowerCase().normalize('NFKC').replace(/['’]s\b/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((w) => w.length > 1 && !STOP.has(w)).map((w) => stemmer(w)));
}

export function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared;
}

/** Shared terms over the smaller headline's terms: a short headline inside a long one scores high. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const smaller = Math.min(a.size, b.size);
  return smaller === 0 ? 0 : sharedCount(a, b) / smaller;
}
