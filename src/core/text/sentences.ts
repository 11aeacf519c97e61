import nlp from 'compromise';
import { endsSentence } from './sentenceEnd.ts';

/**
 * Sentence splitting with compromise: it knows abbreviations ("U.S.", "Gen.", "Sen."),
 * initials and decimals, which regex splitters get wrong. We call its splitter directly
 * (`methods().one.tokenize.splitSentences`) rather than `nlp(text).sentences()`: the same
 * boundaries without part-of-speech tagging, ~400× faster (40 ms → 0.1 ms per article), which
 * is what lets ingest keep up with feeds. One gap we close ourselves: a quotation that ends a
 * sentence (`… do that.” Next`) is not split by compromise.
 */
interface Tokenize {
  splitSentences(text: string, world: unknown): string[];
  isSentence(chunk: string, abbreviations: object): boolean;
}
interface CompromiseWorld {
  methods: { one: { tokenize: Tokenize } & Record<string, unknown> } & Record<string, unknown>;
}
const internals = nlp as unknown as { world(): CompromiseWorld };
const shared = internals.world();
const splitter = shared.methods.one.tokenize.splitSentences;
/**
 * compromise's world with its chunk test swapped for endsSentence, which gives the same
 * answers reading only a chunk's end (over half of this function's time went to the original).
 * A copy: compromise itself, tagging sentences elsewhere, keeps its own.
 */
const { methods } = shared;
const world = { ...shared, methods: { ...methods, one: { ...methods.one, tokenize: { ...methods.one.tokenize, isSentence: endsSentence } } } };

const AFTER_CLOSING_QUOTE = /(?<=[.!?…][”"’])\s+(?=[“"‘]?[\p{Lu}\p{N}])/u;
const CLOSING_QUOTE = /[”"’]/;
const ASCII_LETTER_OR_DIGIT = /[A-Za-z0-9]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

// The Unicode patterns cost most of this function's time, and most sentences need neither: no
// closing quote means AFTER_CLOSING_QUOTE cannot match, and an ASCII letter is a letter.
const atClosingQuotes = (sentence: string): string[] => (CLOSING_QUOTE.test(sentence) ? sentence.split(AFTER_CLOSING_QUOTE) : [sentence]);
const hasWord = (sentence: string): boolean => ASCII_LETTER_OR_DIGIT.test(sentence) || LETTER_OR_DIGIT.test(sentence);

export function splitSentences(paragraph: string): string[] {
  const text = paragraph.trim();
  if (!text) return [];
  const rough = splitter(text, world);
  return rough
    .flatMap(atClosingQuotes)
    .map((sentence) => sentence.trim())
    .filter(hasWord);
}

export interface ParagraphSentence {
  readonly text: string;
  readonly paragraph: number;
}

export function splitParagraphs(paragraphs: readonly string[]): ParagraphSentence[] {
  return paragraphs.flatMap((paragraph, index) =>
    splitSentences(paragraph).map((text) => ({ text, paragraph: index })),
  );
}
