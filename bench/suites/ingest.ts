import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { createCore } from '../../src/core/core.ts';
import type { ArticleInput } from '../../src/core/ingest/articleInput.ts';
import { BULK_BATCH, type IngestReport } from '../../src/core/ingest/ingestor.ts';
import { CorpusStream } from '../corpusGenerator.ts';
import { MemoryPeak } from '../memory.ts';
import type { Suite } from './index.ts';

/** The product's batch size (ingestMany, `newsbrief ingest`). */
const BATCH = BULK_BATCH;
/** The naive baseline is slow by design; its rate is measured on the first articles, not all 100k. */
const NAIVE_SAMPLE = 1_000;
const SEED = 2024;

function dbSizeMb(path: string): number {
  const size = (file: string) => { try { return statSync(file).size; } catch { return 0; } };
  return (size(path) + size(`${path}-wal`)) / 1048576;
}

/**
 * The same full pipeline twice (createCore with every ingest stage: clean → sentences →
 * dedupe → store + FTS → stories, topics, metrics, policy), on the same generated articles:
 *
 * - batched: as the product runs it — WAL, synchronous=NORMAL, one transaction per 500
 *   articles, CPU work prepared in worker threads while the main thread writes;
 * - naive: what a first implementation does — SQLite's defaults (rollback journal,
 *   synchronous=FULL) and one transaction per article, all on one thread.
 *
 * Only ingest calls are timed; generating the next batch is not. The naive run sees the first
 * articles on an empty database, which flatters it slightly. Peak RSS is sampled during both.
 */
export const ingest: Suite = async ({ articles: count }) => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-ingest-'));
  const peak = new MemoryPeak();
  try {
    const naiveSample = Math.min(NAIVE_SAMPLE, count);
    const loadBefore = loadavg()[0]!;
    const dbPath = join(dir, 'batched.db');
    const core = createCore({ dbPath });
    const corpus = new CorpusStream(count, { seed: SEED });
    const sample = createHash('sha256');
    let seen = 0;
    const generating = timed(corpus.batches(BATCH));
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    for await (const reports of core.ingestor.ingestBatches(generating)) {
      for (const report of reports) if (seen++ < naiveSample) sample.update(reportText(report));
      peak.sample();
    }
    const ms = performance.now() - started - generating.ms;
    const cpu = process.cpuUsage(cpuBefore);
    const stored = core.articles.count();
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.close();
    // Second, so its leftovers do not count in the batched run's peak memory.
    const naive = naiveRun(join(dir, 'naive.db'), naiveSample);
    const articlesPerSec = Math.round(count / (ms / 1000));
    return {
      articles: count,
      stored,
      textSource: corpus.source,
      nearDuplicates: corpus.nearDuplicates,
      batch: BATCH,
      articlesPerSec,
      naiveArticlesPerSec: Math.round(naive.rate),
      naiveSample,
      speedup: Number((articlesPerSec / naive.rate).toFixed(1)),
      // CPU time of the whole process (main thread and workers) per article, generating the
      // articles included: on a shared host it moves less than articles/s, and it bounds them
      // (two cores cannot pass 2,000,000 / cpuUsPerArticle articles/s).
      cpuUsPerArticle: Math.round((cpu.user + cpu.system) / count),
      // Both runs ingest the same first articles into an empty database: same reports, same work.
      sameReportsAsNaive: sample.digest('hex') === naive.reports,
      // The machine is shared: the 1-minute load average before and after says how noisy this was.
      loadAverage: [Number(loadBefore.toFixed(2)), Number(loadavg()[0]!.toFixed(2))],
      dbMbPer1000: Number(((dbSizeMb(dbPath) / stored) * 1000).toFixed(2)),
      ...peak.stop(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** The naive way: the real core, SQLite defaults and a commit per article. */
function naiveRun(path: string, count: number): { rate: number; reports: string } {
  const core = createCore({ dbPath: path });
  core.db.pragma('journal_mode = DELETE');
  core.db.pragma('synchronous = FULL');
  const reports = createHash('sha256');
  let ms = 0;
  for (const batch of new CorpusStream(count, { seed: SEED }).batches(BATCH)) {
    for (const input of batch) {
      const started = performance.now();
      const [report] = core.ingestor.ingestBatch([input]); // one transaction per article
      if (!report) throw new Error('no ingest report');
      ms += performance.now() - started;
      reports.update(reportText(report));
    }
  }
  core.close();
  return { rate: count / (ms / 1000), reports: reports.digest('hex') };
}

/** The batches, with the time spent generating them (on the main thread) kept aside. */
function timed(batches: Generator<ArticleInput[]>): Iterable<ArticleInput[]> & { ms: number } {
  const result = {
    ms: 0,
    *[Symbol.iterator]() {
      for (;;) {
        const started = performance.now();
        const next = batches.next();
        result.ms += performance.now() - started;
        if (next.done) return;
        yield next.value;
      }
    },
  };
  return result;
}

const reportText = (report: IngestReport): string => `${JSON.stringify(report)}\n`;
