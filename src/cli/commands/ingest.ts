import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { parseArticleFile } from '../../core/corpus/articleFile.ts';
import type { Core } from '../../core/core.ts';
import type { ArticleInput } from '../../core/ingest/articleInput.ts';
import type { IngestReport } from '../../core/ingest/ingestor.ts';
import type { AppError } from '../../core/result.ts';
import { printResult } from '../output.ts';
import { withRuntime, type GlobalOptions } from '../runtime.ts';

function readInput(file: string): string {
  return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
}

/**
 * From this many articles in a file on, it is a bulk import: worker threads prepare each batch
 * while SQLite stores the one before (ingestor.ingestBatches: 5,000 generated articles went in
 * at 641/s against 315/s one by one). Fewer go in one transaction: starting the workers
 * would cost more than it saves.
 */
const BULK_FROM = 200;
const BATCH = 500;

function* batchesOf(articles: readonly ArticleInput[]): Generator<ArticleInput[]> {
  for (let i = 0; i < articles.length; i += BATCH) yield articles.slice(i, i + BATCH);
}

async function ingestAll(core: Core, articles: readonly ArticleInput[]): Promise<IngestReport[]> {
  if (articles.length < BULK_FROM) return core.ingestor.ingestBatch(articles);
  const reports: IngestReport[] = [];
  for await (const batch of core.ingestor.ingestBatches(batchesOf(articles))) reports.push(...batch);
  return reports;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('add articles: Markdown with front matter, JSON / JSON lines of {title,text,url?,outlet?,publishedAt?}, or text; "-" reads stdin')
    .argument('<files...>', 'files to ingest, or - for standard input')
    .option('--json', 'print JSON')
    .action(async (files: string[], _options: unknown, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      await withRuntime(globals, async ({ core }) => {
        const reports: IngestReport[] = [];
        const errors: AppError[] = [];
        for (const file of files) {
          let text: string;
          try {
            text = readInput(file);
          } catch (error) {
            errors.push({ code: 'ingest/unreadable', message: `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'}).` });
            continue;
          }
          const parsed = parseArticleFile(text, file === '-' ? 'stdin' : file);
          errors.push(...parsed.errors);
          reports.push(...(await ingestAll(core, parsed.articles)));
        }
        const count = (status: string) => reports.filter((r) => r.status === status).length;
        const counts = { new: count('new'), updated: count('updated'), duplicate: count('duplicate'), empty: count('empty'), errors: errors.length };
        printResult(globals.json, { counts, articles: reports, errors }, () =>
          [
            ...reports.map((r) => `${r.status.padEnd(9)} ${r.id ?? '—'}\t${r.title}`),
            ...errors.map((e) => `error     ${e.message}`),
            `${counts.new} new, ${counts.updated} updated, ${counts.duplicate} already known, ${errors.length} errors`,
          ].join('\n'),
        );
        if (errors.length > 0 && reports.length === 0) process.exitCode = 1;
      });
    });
}
