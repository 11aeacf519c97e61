import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../core.ts';
import type { ArticleInput } from '../ingest/articleInput.ts';
import type { IngestReport } from '../ingest/ingestor.ts';
import { parseCorpusFile } from './corpusFile.ts';

/** The bundled curated corpus: `data/corpus/*.md`, relative to the project root. */
export const DEFAULT_CORPUS_DIR = new URL('../../../data/corpus/', import.meta.url);

export interface CorpusFiles {
  /** In file-name order. */
  readonly articles: ArticleInput[];
  /** Files that did not parse, with the reason. */
  readonly skipped: { readonly file: string; readonly error: string }[];
}

/** Reads every `*.md` corpus file of `dir`: what seeding, the demo and the benches start from. */
export function readCorpus(dir: string | URL = DEFAULT_CORPUS_DIR): CorpusFiles {
  const path = dir instanceof URL ? dir.pathname : dir;
  const corpus: CorpusFiles = { articles: [], skipped: [] };
  for (const file of readdirSync(path).filter((f) => f.endsWith('.md')).sort()) {
    const parsed = parseCorpusFile(readFileSync(join(path, file), 'utf8'), file);
    if (parsed.ok) corpus.articles.push(parsed.value);
    else corpus.skipped.push({ file, error: parsed.error.message });
  }
  return corpus;
}

/**
 * Ingests every corpus file; seeding again adds nothing twice (the guid `corpus:<origin>`
 * and the content hash both dedupe). Seed articles are history: they never alert.
 */
export function seedCorpus(core: Core, dir: string | URL = DEFAULT_CORPUS_DIR): IngestReport[] {
  const { articles, skipped } = readCorpus(dir);
  for (const { file, error } of skipped) core.logger.warn({ file, error }, 'corpus file skipped');
  return articles.map((article) => core.ingestor.ingest(article, { quiet: true }));
}

/** Seeds only an empty database, so `npm start` on a fresh clone has the corpus ready. */
export function seedIfEmpty(core: Core, dir?: string | URL): IngestReport[] {
  return core.articles.count() === 0 ? seedCorpus(core, dir) : [];
}
