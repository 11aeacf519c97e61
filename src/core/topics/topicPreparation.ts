import type { PreparedText } from '../ingest/ingestor.ts';
import { articleTokens } from './articleTokens.ts';
import { parseQuery } from './queryParser.ts';
import { TopicIndex } from './topicIndex.ts';

/** The topics as the main thread's index held them when the workers started. */
export interface TopicSnapshot {
  /** The index's generation at the time (TopicService): matches made at another one are not used. */
  readonly generation: number;
  /** [row, query] of every indexed topic. */
  readonly topics: readonly (readonly [number, string])[];
}

/** What a worker found for one article, and against which set of topics. */
export interface PreparedMatches {
  readonly generation: number;
  /** Rows of the matched topics, ascending. */
  readonly rows: readonly number[];
}

/**
 * The topics stage's StagePreparation: reading an article's words is most of matching it,
 * and a tenth of the main thread's time per article in a bulk import, so the workers match
 * with an index of their own built from the snapshot. The stage uses the result only while
 * its index is still at the snapshot's generation; after a change it matches on the main thread.
 */
export function prepareForIngest(snapshot: TopicSnapshot): (text: PreparedText) => PreparedMatches {
  const index = new TopicIndex<number>();
  for (const [row, query] of snapshot.topics) {
    const parsed = parseQuery(query);
    if (parsed.ok) index.add(row, parsed.value);
  }
  return (text) => ({
    generation: snapshot.generation,
    rows: index.match(articleTokens(text)).sort((a, b) => a - b),
  });
}
