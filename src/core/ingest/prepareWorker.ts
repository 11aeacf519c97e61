import { parentPort, workerData } from 'node:worker_threads';
import type { ArticleInput } from './articleInput.ts';
import type { PreparedText } from './ingestor.ts';
import { prepareArticle, type PreparedArticle } from './preparedArticle.ts';
import { toSpans, type SentenceSpans } from './sentenceSpans.ts';

/** The worker side of PreparePool: inputs in, prepared articles out, in order. */
export interface PrepareRequest {
  readonly id: number;
  readonly inputs: readonly ArticleInput[];
}

export interface WorkerStagePreparation {
  readonly name: string;
  readonly module: string;
  readonly options: unknown;
}

type Preparer = (text: PreparedText) => unknown;

/** A prepared article as it travels back: without its input (the main thread has it), sentences as spans. */
export type PreparedReply = Omit<PreparedArticle, 'input' | 'sentences'> & { readonly sentenceSpans: SentenceSpans };

const preparations = (workerData?.preparations ?? []) as WorkerStagePreparation[];
const preparers: Promise<[string, Preparer][]> = Promise.all(
  preparations.map(async ({ name, module, options }) => {
    const loaded = (await import(module)) as { prepareForIngest(options: unknown): Preparer };
    return [name, loaded.prepareForIngest(options)] as [string, Preparer];
  }),
);

parentPort?.on('message', async ({ id, inputs }: PrepareRequest) => {
  const stages = await preparers;
  // The input stays out of the reply: the main thread still has it (PreparePool joins them).
  const prepared = inputs.map((input): PreparedReply => {
    const { input: _input, sentences, ...rest } = prepareArticle(input);
    const reply = { ...rest, sentenceSpans: toSpans(rest.body, sentences) };
    if (stages.length === 0 || !rest.body) return reply;
    const text = { title: rest.title, summary: input.summary ?? null, body: rest.body, sentences };
    return { ...reply, stageData: Object.fromEntries(stages.map(([name, prepare]) => [name, prepare(text)])) };
  });
  // Signatures and spans are moved, not copied, back to the main thread.
  const transfer = prepared.flatMap((p) => [p.sentenceSpans.spans.buffer as ArrayBuffer, ...(p.signature ? [p.signature.buffer as ArrayBuffer] : [])]);
  parentPort!.postMessage({ id, prepared }, transfer);
});
