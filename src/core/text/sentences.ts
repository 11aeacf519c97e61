import nlp from 'compromise';

/**
 * Sentence splitting with compromise: it knows abbreviations ("U.S.", "Gen.", "Sen."),
 * initials and decimals, which regex splitters get wrong. One gap we close ourselves: a
 * quotation that ends a sentence (`… do that.” Next`) is not split by compromise.
 */
const AFTER_CLOSING_QUOTE = /(?<=[.!?…][”"’])\s+(?=[“"‘]?[\p{Lu}\p{N}])/u;

export function splitSentences(paragraph: string): string[] {
  const text = paragraph.trim();
  if (!text) return [];
  const rough = nlp(text).sentences().out('array') as string[];
  return rough
    .flatMap((sentence) => sentence.split(AFTER_CLOSING_QUOTE))
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
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
