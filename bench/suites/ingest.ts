import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src/core/core.ts';
import { applyMigrations } from '../../src/core/store/migrate.ts';
import { ArticleStore } from '../../src/core/store/articleStore.ts';
import { Ingestor } from '../../src/core/ingest/ingestor.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { systemClock } from '../../src/core/clock.ts';
import { generateCorpus } from '../corpusGenerator.ts';
import { MemoryPeak } from '../memory.ts';
import type { Suite } from './index.ts';

const BATCH = 500;
/** The naive baseline is slow by design; its rate is measured on a slice, not all 100k. */
const NAIVE_SAMPLE = 1_000;

function dbSizeMb(path: string): number {
  const size = (file: string) => { try { return statSync(file).size; } catch { return 0; } };
  return (size(path) + size(`${path}-wal`)) / 1048576;
}

/**
 * The real pipeline (clean → sentences → dedupe → store + FTS → ingest stages) in batched
 * transactions, against the naive way: SQLite defaults (rollback journal, synchronous=FULL)
 * and every article committed on its own — what a first implementation typically does.
 */
export const ingest: Suite = async ({ articles: count }) => {
  const corpus = generateCorpus(count);
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-ingest-'));
  const peak = new MemoryPeak();
  try {
    const dbPath = join(dir, 'batched.db');
    const core = createCore({ dbPath });
    const started = performance.now();
    for (let i = 0; i < corpus.articles.length; i += BATCH) {
      core.ingestor.ingestBatch(corpus.articles.slice(i, i + BATCH));
      peak.sample();
    }
    const seconds = (performance.now() - started) / 1000;
    const stored = core.articles.count();
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.close();
    const naive = naiveRate(join(dir, 'naive.db'), corpus.articles.slice(0, Math.min(NAIVE_SAMPLE, count)));
    const articlesPerSec = Math.round(count / seconds);
    return {
      articles: count,
      stored,
      textSource: corpus.source,
      nearDuplicates: corpus.nearDuplicates,
      articlesPerSec,
      naiveArticlesPerSec: Math.round(naive),
      naiveSample: Math.min(NAIVE_SAMPLE, count),
      speedup: Number((articlesPerSec / naive).toFixed(1)),
      dbMbPer1000: Number(((dbSizeMb(dbPath) / stored) * 1000).toFixed(2)),
      ...peak.stop(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

function naiveRate(path: string, inputs: Parameters<Ingestor['ingest']>[0][]): number {
  const db = new Database(path); // SQLite defaults: rollback journal, synchronous=FULL
  db.pragma('foreign_keys = ON');
  applyMigrations(db);
  const ingestor = new Ingestor(new ArticleStore(db), systemClock, silentLogger());
  const started = performance.now();
  for (const input of inputs) ingestor.ingest(input);
  const rate = inputs.length / ((performance.now() - started) / 1000);
  db.close();
  return rate;
}
