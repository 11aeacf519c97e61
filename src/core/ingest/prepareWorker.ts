import { parentPort } from 'node:worker_threads';
import type { ArticleInput } from './articleInput.ts';
import { prepareArticle } from './preparedArticle.ts';

/** The worker side of PreparePool: inputs in, prepared articles out, in order. */
export interface PrepareRequest {
  readonly id: number;
  readonly inputs: readonly ArticleInput[];
}

parentPort?.on('message', ({ id, inputs }: PrepareRequest) => {
  // The input stays out of the reply: the main thread still has it (PreparePool joins them).
  const prepared = inputs.map((input) => {
    const { input: _input, ...rest } = prepareArticle(input);
    return rest;
  });
  // Signatures are moved, not copied, back to the main thread.
  const transfer = prepared.flatMap((p) => (p.signature ? [p.signature.buffer as ArrayBuffer] : []));
  parentPort!.postMessage({ id, prepared }, transfer);
});
