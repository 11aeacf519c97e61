/**
 * An article's sentences as `article_sentences` stores them (migration 012): one JSON array
 * per article, each sentence `[start, end, paragraph]`, UTF-16 offsets into the article's
 * body, or `[text, paragraph]` when it is not in the body as it stands (the splitter changed
 * it). One row per article, not one per sentence: the text was stored twice, body and
 * sentences, and ~16 row inserts per article were a sixth of the main thread's ingest time.
 */
export interface PlainSentence {
  readonly text: string;
  readonly paragraph: number;
}

type Stored = [number, number, number] | [string, number];

/**
 * Where each sentence starts in the body, in order (-1 when it is not there as it stands).
 * Each is looked for after the one before, so a repeated sentence finds its own place.
 */
export function sentenceStarts(body: string, sentences: readonly { readonly text: string }[]): Int32Array {
  const starts = new Int32Array(sentences.length);
  let from = 0;
  sentences.forEach((sentence, i) => {
    const start = body.indexOf(sentence.text, from);
    starts[i] = start;
    if (start >= 0) from = start + sentence.text.length;
  });
  return starts;
}

export function encodeSentences(body: string, sentences: readonly PlainSentence[]): string {
  const starts = sentenceStarts(body, sentences);
  const stored = sentences.map(({ text, paragraph }, i): Stored => (starts[i]! < 0 ? [text, paragraph] : [starts[i]!, starts[i]! + text.length, paragraph]));
  return JSON.stringify(stored);
}

/** The sentences in order; a sentence's position is its index. */
export function decodeSentences(body: string, json: string): PlainSentence[] {
  return (JSON.parse(json) as Stored[]).map((entry) =>
    typeof entry[0] === 'string' ? { text: entry[0], paragraph: entry[1] } : { text: body.slice(entry[0], entry[1]), paragraph: entry[2]! },
  );
}
