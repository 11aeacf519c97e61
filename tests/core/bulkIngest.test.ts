import { afterEach, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/core/corpus/seedCorpus.ts';
import type { ArticleInput } from '../../src/core/ingest/articleInput.ts';
import type { IngestReport } from '../../src/core/ingest/ingestor.ts';
import { storedTables } from '../support/storedTables.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

const temps: TempCore[] = [];
afterEach(() => temps.splice(0).forEach((temp) => temp.cleanup()));

/** The bundled corpus, then a wire copy, an exact repeat, an update of the first and an empty item. */
function articles(): ArticleInput[] {
  const { articles: corpus, skipped } = readCorpus();
  if (skipped.length > 0) throw new Error(`corpus files did not parse: ${JSON.stringify(skipped)}`);
  const first = corpus[0]!;
  return [
    ...corpus,
    { ...first, guid: undefined, url: 'https://copy.example/1', title: `Copy: ${first.title}`, text: first.text.split('\n\n').slice(0, -1).join('\n\n') },
    { ...corpus[1]!, guid: 'repeat', url: 'https://repeat.example/1' },
    { ...first, text: `${first.text}\n\nThe White House declined to comment further on Thursday evening.` },
    { title: 'Nothing here', text: 'Getty Images\n\n%s' },
  ];
}

describe('bulk import with worker threads', () => {
  it('lets the write-ahead log grow during an import, then checkpoints it and restores the setting', async () => {
    const temp = tempCore();
    temps.push(temp);
    const { db } = temp.core;
    const pages = (): number => db.pragma('wal_autocheckpoint', { simple: true }) as number;
    expect(pages()).toBe(1000);
    const seen: number[] = [];
    const inputs = articles();
    for await (const _ of temp.core.ingestor.ingestBatches([inputs.slice(0, 4), inputs.slice(4)])) seen.push(pages());
    expect(seen).toEqual([20_000, 20_000]);
    expect(pages()).toBe(1000);
    // Everything the import wrote is in the database file: the log has nothing left to copy.
    const [checkpoint] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(checkpoint!.log).toBe(checkpoint!.checkpointed);
  });

  it('restores the checkpoint setting when the reader stops an import early', async () => {
    const temp = tempCore();
    temps.push(temp);
    const inputs = articles();
    for await (const _ of temp.core.ingestor.ingestBatches([inputs.slice(0, 2), inputs.slice(2)])) break;
    expect(temp.core.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('reports and stores exactly what one-by-one batches do: dedup, stories, topics, claims', async () => {
    const inputs = articles();
    const batches = [inputs.slice(0, 3), inputs.slice(3, 6), inputs.slice(6)];
    const one = tempCore();
    const bulk = tempCore();
    temps.push(one, bulk);
    const expected = batches.flatMap((batch) => one.core.ingestor.ingestBatch(batch));
    const reports: IngestReport[] = [];
    for await (const batch of bulk.core.ingestor.ingestBatches(batches)) reports.push(...batch);
    expect(reports).toEqual(expected);
    expect(reports.map((r) => r.status)).toEqual(['new', 'new', 'new', 'new', 'new', 'new', 'duplicate', 'updated', 'empty']);
    expect(reports[5]).toMatchObject({ duplicateOf: reports[0]!.id, storyId: reports[0]!.storyId });
    expect(storedTables(bulk.core)).toEqual(storedTables(one.core));
  });

  it('matches a topic added while the workers are busy, though they matched against the topics as they were', async () => {
    const inputs = articles();
    const batches = [inputs.slice(0, 3), inputs.slice(3, 6), inputs.slice(6)];
    const news = { platform: 'slack', workspace: 'T1', channel: 'C-news' } as const;
    const one = tempCore();
    const bulk = tempCore();
    temps.push(one, bulk);
    const expected = batches.flatMap((batch, i) => {
      if (i === 1) expect(one.core.topics.add(news, 'weapons', 'missile* OR weapon*').ok).toBe(true);
      return one.core.ingestor.ingestBatch(batch);
    });
    const reports: IngestReport[] = [];
    let seen = 0;
    for await (const batch of bulk.core.ingestor.ingestBatches(batches)) {
      reports.push(...batch);
      // The next batches were prepared already, with the old topics.
      if (seen++ === 0) expect(bulk.core.topics.add(news, 'weapons', 'missile* OR weapon*').ok).toBe(true);
    }
    expect(reports).toEqual(expected);
    expect(reports.slice(3).filter((r) => (r.topics as string[] | undefined)?.includes('weapons')).length).toBeGreaterThan(0);
    expect(storedTables(bulk.core)).toEqual(storedTables(one.core));
  });
});
