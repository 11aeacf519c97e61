import type { Command } from 'commander';
import { UserFacingError } from '../../core/result.ts';
import { printResult } from '../output.ts';
import { withRuntime, type GlobalOptions } from '../runtime.ts';
import { seedDefaultFeeds } from '../feedPollingService.ts';

export function registerPoll(program: Command): void {
  program
    .command('poll')
    .description('poll every due feed once and report per feed: new / updated / unchanged / failed (exit 1 when all failed)')
    .option('--once', 'run one cycle and exit (the schedule itself runs under `newsbrief start`)')
    .option('--json', 'print JSON')
    .action(async (options: { once?: boolean }, cmd: Command) => {
      if (!options.once) throw new UserFacingError('poll/usage', 'poll runs one cycle with --once; `newsbrief start` polls on a schedule.');
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      // Loaded here, not at the top: other commands should not pay for src/feeds' libraries.
      const { FeedPoller, summarise } = await import('../../feeds/feedPoller.ts');
      const { installFeedSource } = await import('../../feeds/installFeedSource.ts');
      await withRuntime(globals, async (runtime) => {
        seedDefaultFeeds(runtime);
        const source = installFeedSource(runtime.core, runtime.config);
        const reports = (await new FeedPoller(runtime.core.feeds, source, runtime.logger, runtime.config.FEEDS_MAX_CONCURRENCY).cycle()) ?? [];
        // Feeds in backoff or paused are not due: say how many, so a quiet cycle is not a mystery.
        const notDue = runtime.core.feeds.list().length - reports.length;
        const summary = { ...summarise(reports), notDue };
        printResult(globals.json, { summary, feeds: reports }, () =>
          [
            ...reports.map((r) => {
              const counts = `${r.counts.new} new, ${r.counts.updated} updated, ${r.counts.unchanged} unchanged`;
              const detail = r.status === 'failed' ? r.error?.message : `${counts}${r.firstPoll ? ' (first poll: recorded, no alerts)' : ''}${r.notModified ? ' (not modified)' : ''}`;
              return `${r.status.padEnd(9)} ${r.title ?? r.url} — ${detail}`;
            }),
            `${summary.feeds} feed${summary.feeds === 1 ? '' : 's'} polled: ${summary.new} with new items, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed} failed; ${summary.newArticles} new articles${notDue ? `; ${notDue} not due (backing off or paused, see feeds list)` : ''}`,
          ].join('\n'),
        );
        // One feed down is a normal day (its health says so); every polled feed down is not.
        if (summary.feeds > 0 && summary.failed === summary.feeds) process.exitCode = 1;
      });
    });
}
