import type { Sentence } from '../store/articleStore.ts';
import { overlap, sharedCount, titleTerms } from './titleTerms.ts';

const MIN_CHARS = 40;
const MAX_CHARS = 320;
/** Leads carry the news; later paragraphs drift into background and quotes from elsewhere. */
const LEAD_SENTENCES = 8;

/**
 * One or two sentences quoted verbatim from the group's articles: those that share most words
 * with the group's headlines, early sentences preferred. Extractive on purpose: a digest never
 * says anything an outlet did not.
 */
export function extractiveSummary(sentencesByArticle: readonly (readonly Sentence[])[], headlines: readonly string[]): string {
  const focus = new Set(headlines.flatMap((h) => [...titleTerms(h)]));
  // Wire copies repeat sentences word for word: each text is stemmed once.
  const focusShared = new Map<string, number>();
  const sharedWithFocus = (text: string): number =>
    focusShared.get(text) ?? focusShared.set(text, sharedCount(titleTerms(text), focus)).get(text)!;
  const candidates = sentencesByArticle.flatMap((sentences) =>
    sentences
      .slice(0, LEAD_SENTENCES)
      .filter((s) => s.text.length >= MIN_CHARS && s.text.length <= MAX_CHARS && /[.!?”"]$/.test(s.text.trim()))
      .map((s) => ({ text: s.text.trim(), score: sharedWithFocus(s.text) - s.position * 0.25 })),
  );
  const seen = new Set<string>();
  const picked = candidates
    .sort((a, b) => b.score - a.score)
    .filter((c) => !seen.has(c.text) && seen.add(c.text))
    .slice(0, 2);
  if (picked.length === 0) return sentencesByArticle.flat()[0]?.text.slice(0, MAX_CHARS) ?? '';
  const [first, second] = picked;
  // A second sentence only when it adds something: two outlets' versions of one lead read as a stutter.
  if (second && overlap(titleTerms(first!.text), titleTerms(second.text)) >= 0.5) return first!.text;
  return second && first!.text.length + second.text.length <= MAX_CHARS * 1.5 ? `${first!.text} ${second.text}` : first!.text;
}
