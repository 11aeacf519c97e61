/**
 * The benchmark database the ask and digest suites read: the seeds and ../shared/fixtures/news
 * through the real ingestor, then generated articles (real AG News sentences,
 * bench/corpusGenerator.ts) stored directly with their sentences, since ingest speed is the
 * ingest suite's business. A suite that needs what ingest stages record (topic matches,
 * stories) passes those stages: each runs on every stored article, as ingest runs it.
 * Built once per path into `<path>.building`, then renamed, so a killed build is never used.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArticleFile } from '../src/core/corpus/articleFile.ts';
import { seedCorpus } from '../src/core/corpus/seedCorpus.ts';
import { createCore, type Core } from '../src/core/core.ts';
import type { IngestStage } from '../src/core/ingest/ingestor.ts';
import { contentHash } from '../src/core/text/contentHash.ts';
import { CorpusStream } from './corpusGenerator.ts';

const NEWS_DIR = resolve(import.meta.dirname, '../../shared/fixtures/news');
const BATCH = 1000;

export interface CorpusOptions {
  /** Runs on the empty database before anything is stored (e.g. a channel's topics). */
  readonly prepare?: (core: Core) => void;
  /** Ingest stages to run on each generated article after it is stored. */
  readonly stages?: (core: Core) => readonly IngestStage[];
}

export function storeGenerated(core: Core, count: number, stages: readonly IngestStage[] = []): void {
  const fetchedAt = new Date().toISOString();
  // Streamed: 100,000 articles held at once were ~300 MB of heap, which the suite that built
  // its database then reported as its own peak.
  for (const batch of new CorpusStream(count, { seed: 5 }).batches(BATCH)) {
    core.articles.transaction(() => {
      for (const input of batch) {
        const title = input.title ?? 'Untitled';
        const paragraphs = input.text.split('\n\n');
        const sentences = paragraphs.flatMap((p, paragraph) => p.split(/(?<=[.!?])\s+(?=[A-Z])/).map((text) => ({ text, paragraph })));
        const hash = contentHash(title, input.text);
        if (core.articles.findByContentHash(hash)) continue; // the generator's exact repeats
        const id = core.articles.insert({
          title, outlet: input.outlet ?? null, author: null, url: null, guid: null, feedId: null, origin: 'bench',
          summary: null, body: input.text, contentHash: hash, publishedAt: input.publishedAt ?? null, fetchedAt, sentences,
        });
        if (stages.length === 0) continue;
        const article = core.articles.get(id)!;
        for (const stage of stages) stage.run(article, { status: 'new', quiet: true });
      }
    });
  }
}

/** Builds the database at `path` with `count` articles in all. */
export function buildCorpus(path: string, count: number, options: CorpusOptions = {}): void {
  const building = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  const core = createCore({ dbPath: building });
  try {
    options.prepare?.(core);
    seedCorpus(core);
    if (existsSync(NEWS_DIR)) {
      for (const file of readdirSync(NEWS_DIR).filter((f) => f.endsWith('.txt'))) {
        for (const article of parseArticleFile(readFileSync(join(NEWS_DIR, file), 'utf8'), file).articles) core.ingestor.ingest(article, { quiet: true });
      }
    }
    storeGenerated(core, Math.max(0, count - core.articles.count()), options.stages?.(core) ?? []);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    core.close();
  }
  renameSync(building, path);
}
