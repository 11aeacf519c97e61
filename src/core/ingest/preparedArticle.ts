import { signature } from '../stories/minHash.ts';
import { cleanText } from '../text/cleanText.ts';
import { contentHash } from '../text/contentHash.ts';
import { splitParagraphs } from '../text/sentences.ts';
import type { ArticleInput } from './articleInput.ts';
import type { StageSentence } from './ingestor.ts';

/**
 * An article input with all of ingest's pure CPU work done: cleaned body, title, content
 * hash, sentences and the MinHash signature story clustering needs. It reads no database, so
 * a worker thread can prepare the next batch while the main thread stores this one.
 */
export interface PreparedArticle {
  readonly input: ArticleInput;
  readonly title: string;
  /** Empty when nothing but boilerplate was left (or there was no text nor title): reported, not stored. */
  readonly body: string;
  readonly contentHash: string;
  /** In order, each with its position: what is stored, and what the stages are given. */
  readonly sentences: readonly StageSentence[];
  /** MinHash of `title\nbody` (stories/minHash.ts), computed here because it is the costliest step. */
  readonly signature: Uint32Array | null;
  /** Results of the stages' preparations (StagePreparation), by stage name, when a worker ran them. */
  readonly stageData?: Readonly<Record<string, unknown>>;
}

const firstSentenceTitle = (paragraphs: string[]): string =>
  (paragraphs[0] ?? 'Untitled').split(/(?<=[.!?])\s/)[0]!.slice(0, 200);

export function prepareArticle(input: ArticleInput): PreparedArticle {
  // A headline with no text (a title-only item, a JSON line without text) is its own body.
  const text = input.text.trim() ? input.text : (input.title ?? '');
  const cleaned = cleanText(text, { title: input.title });
  const body = cleaned.paragraphs.join('\n\n');
  const title = input.title?.trim() || firstSentenceTitle(cleaned.paragraphs);
  if (!body) return { input, title, body, contentHash: '', sentences: [], signature: null };
  return {
    input,
    title,
    body,
    contentHash: contentHash(title, body),
    sentences: splitParagraphs(cleaned.paragraphs).map(({ text, paragraph }, position) => ({ text, paragraph, position })),
    signature: signature(`${title}\n${body}`),
  };
}
