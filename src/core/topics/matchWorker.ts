import { parentPort, workerData } from 'node:worker_threads';
import { matchLineBatch, type MatchFields, type MatchedLines } from './itemLines.ts';
import { parseQuery } from './queryParser.ts';
import { TopicIndex } from './topicIndex.ts';
import { tokenizeFields } from './tokenize.ts';

/** The worker side of MatchPool: items' fields in, the matched topics' positions out. */
export interface ItemsRequest {
  readonly id: number;
  readonly items: readonly MatchFields[];
}

/**
 * Item i matched `positions[offsets[i]]` up to `positions[offsets[i + 1]]`: positions in the
 * pool's topic list, in its order. Two typed arrays move to the main thread without a copy;
 * arrays of ids would be cloned, one string per match.
 */
export interface ItemsReply {
  readonly id: number;
  readonly offsets: Int32Array;
  readonly positions: Int32Array;
}

/** JSON lines in (`firstLine` is the first one's number in the stream), printed results out. */
export interface LinesRequest {
  readonly id: number;
  readonly lines: readonly string[];
  readonly firstLine: number;
  readonly json: boolean;
}

export interface LinesReply extends MatchedLines {
  readonly id: number;
}

export interface MatchWorkerData {
  readonly queries: readonly string[];
  /** The topics' ids as printed in result lines, in the same order. */
  readonly ids: readonly (string | number)[];
}

const { queries, ids } = workerData as MatchWorkerData;
const index = new TopicIndex<number>();
queries.forEach((query, position) => {
  const parsed = parseQuery(query);
  if (parsed.ok) index.add(position, parsed.value);
});

function matchItems({ id, items }: ItemsRequest): void {
  const offsets = new Int32Array(items.length + 1);
  const found: number[] = [];
  items.forEach((fields, i) => {
    index.matchInto(tokenizeFields(fields), found);
    offsets[i + 1] = found.length;
  });
  const positions = Int32Array.from(found);
  const reply: ItemsReply = { id, offsets, positions };
  parentPort!.postMessage(reply, [offsets.buffer, positions.buffer]);
}

function matchLines({ id, lines, firstLine, json }: LinesRequest): void {
  const matched = matchLineBatch(lines, firstLine, json, (fields) => index.match(tokenizeFields(fields)).map((p) => ids[p]!));
  const reply: LinesReply = { id, ...matched };
  parentPort!.postMessage(reply);
}

parentPort!.on('message', (request: ItemsRequest | LinesRequest) => ('lines' in request ? matchLines(request) : matchItems(request)));
