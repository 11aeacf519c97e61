import type { Command } from 'commander';
import { printResult } from '../output.ts';
import { wholeNumber } from '../wholeNumber.ts';
import { withRuntime, type GlobalOptions } from '../runtime.ts';

export function registerCorpus(program: Command): void {
  const corpus = program.command('corpus').description('inspect the stored corpus');
  corpus
    .command('list')
    .description('list stored articles, newest first')
    .option('--limit <n>', 'at most this many', wholeNumber('--limit', 1_000_000))
    .option('--json', 'print JSON')
    .action(async (options: { limit?: number; json?: boolean }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions & { json?: boolean }>();
      await withRuntime(globals, ({ core }) => {
        const articles = core.articles.list({ limit: options.limit }).map((a) => ({
          id: a.id,
          title: a.title,
          outlet: a.outlet,
          author: a.author,
          url: a.url,
          publishedAt: a.publishedAt,
          origin: a.origin,
          sentences: core.articles.sentences(a.id).length,
        }));
        printResult(globals.json, { count: articles.length, articles }, () =>
          articles.map((a) => `${a.id}\t${a.publishedAt?.slice(0, 10) ?? '—'}\t${a.outlet ?? '—'}\t${a.title}`).join('\n') || 'The corpus is empty.',
        );
      });
    });
}
