import { sentenceStarts } from '../store/storedSentences.ts';
import type { StageSentence } from './ingestor.ts';

/**
 * An article's sentences as places in its body, for the trip from a prepare worker to the
 * main thread: three ints per sentence (start, end, paragraph) instead of the text of every
 * sentence again. The main thread slices the body it receives anyway, and V8 keeps such a
 * slice as a view of the body, not a copy: a batch of 500 articles arrives a third smaller,
 * and the main heap, where those batches wait their turn, grows less.
 *
 * A sentence the splitter changed (not found as it is in the body) travels as text. Positions
 * are the sentences' order, so they are not sent.
 */
export interface SentenceSpans {
  /** `[start, end, paragraph]` per sentence; start -1 when the text is in `loose`. */
  readonly spans: Int32Array;
  readonly loose: readonly string[];
}

export function toSpans(body: string, sentences: readonly StageSentence[]): SentenceSpans {
  const starts = sentenceStarts(body, sentences);
  const spans = new Int32Array(sentences.length * 3);
  const loose: string[] = [];
  sentences.forEach((sentence, i) => {
    const start = starts[i]!;
    spans[3 * i] = start;
    spans[3 * i + 1] = start < 0 ? -1 : start + sentence.text.length;
    spans[3 * i + 2] = sentence.paragraph;
    if (start < 0) loose.push(sentence.text);
  });
  return { spans, loose };
}

export function fromSpans(body: string, { spans, loose }: SentenceSpans): StageSentence[] {
  const sentences: StageSentence[] = new Array(spans.length / 3);
  let next = 0;
  for (let i = 0; i < sentences.length; i++) {
    const start = spans[3 * i]!;
    const text = start < 0 ? loose[next++]! : body.slice(start, spans[3 * i + 1]!);
    sentences[i] = { text, position: i, paragraph: spans[3 * i + 2]! };
  }
  return sentences;
}
