import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../core.ts';
import type { IngestReport } from '../ingest/ingestor.ts';
import { parseCorpusFile } from './corpusFile.ts';

/** The bundled curated corpus: `data/corpus/*.md`, relative to the project root. */
export const DEFAULT_CORPUS_DIR = new URL('../../../data/corpus/', import.meta.url);

/**
 * Ingests every corpus file; seeding again adds nothing twice (the guid `corpus:<origin>`
 * and the content hash both dedupe). Seed articles are history: they never alert.
 */
export function seedCorpus(core: Core, dir: string | URL = DEFAULT_CORPUS_DIR): IngestReport[] {
  const path = dir instanceof URL ? dir.pathname : dir;
  const files = readdirSync(path).filter((f) => f.endsWith('.md')).sort();
  const reports: IngestReport[] = [];
  for (const file of files) {
    const parsed = parseCorpusFile(readFileSync(join(path, file), 'utf8'), file);
    if (!parsed.ok) {
      core.logger.warn({ file, error: parsed.error.message }, 'corpus file skipped');
      continue;
    }
    reports.push(core.ingestor.ingest(parsed.value, { quiet: true }));
  }
  return reports;
}

/** Seeds only an empty database, so `npm start` on a fresh clone has the corpus ready. */
export function seedIfEmpty(core: Core, dir?: string | URL): IngestReport[] {
  return core.articles.count() === 0 ? seedCorpus(core, dir) : [];
}
