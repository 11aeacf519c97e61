import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { parseArticleFile } from '../../core/corpus/articleFile.ts';
import type { IngestReport } from '../../core/ingest/ingestor.ts';
import type { AppError } from '../../core/result.ts';
import { printResult } from '../output.ts';
import { withRuntime, type GlobalOptions } from '../runtime.ts';

function readInput(file: string): string {
  return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('add articles: Markdown with front matter, JSON / JSON lines of {title,text,url?,outlet?,publishedAt?}, or text; "-" reads stdin')
    .argument('<files...>', 'files to ingest, or - for standard input')
    .option('--json', 'print JSON')
    .action(async (files: string[], _options: unknown, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      await withRuntime(globals, ({ core }) => {
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
          for (const article of parsed.articles) reports.push(core.ingestor.ingest(article));
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
