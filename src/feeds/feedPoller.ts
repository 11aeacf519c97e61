import type { Logger } from 'pino';
import type { FeedSource } from '../core/feedRegistry/feedItem.ts';
import type { FeedRegistry, PollReport } from '../core/feedRegistry/feedRegistry.ts';
import { HostLimiter } from './hostLimiter.ts';

export interface CycleSummary {
  readonly feeds: number;
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly newArticles: number;
}

export function summarise(reports: readonly PollReport[]): CycleSummary {
  const count = (status: PollReport['status']) => reports.filter((r) => r.status === status).length;
  return {
    feeds: reports.length,
    new: count('new'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    failed: count('failed'),
    newArticles: reports.reduce((sum, r) => sum + r.counts.new, 0),
  };
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/**
 * One polling cycle over every due feed: fetch through the FeedSource port (per-host
 * concurrency 1, bounded overall), then hand each outcome to the registry. A cycle never
 * overlaps the previous one: a second call while one runs returns undefined at once.
 */
export class FeedPoller {
  private running = false;
  private current: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly feeds: FeedRegistry,
    private readonly source: FeedSource,
    private readonly logger: Logger,
    private readonly maxConcurrency: number,
  ) {}

  get busy(): boolean {
    return this.running;
  }

  /** Resolves when no cycle is running: `stop` waits for it before the database closes. */
  async idle(): Promise<void> {
    await this.current.catch(() => undefined);
  }

  cycle(): Promise<PollReport[] | undefined> {
    if (this.running) {
      this.logger.debug('previous feed poll still running; this cycle is skipped');
      return Promise.resolve(undefined);
    }
    this.running = true;
    const run = this.run();
    this.current = run;
    return run;
  }

  private async run(): Promise<PollReport[]> {
    try {
      const limiter = new HostLimiter(this.maxConcurrency);
      const due = this.feeds.due();
      const reports = await Promise.all(
        due.map((feed) =>
          limiter.run(hostOf(feed.url), async () => {
            const outcome = await this.source.fetch(feed.url, { etag: feed.etag, lastModified: feed.lastModified });
            return this.feeds.record(feed, outcome);
          }),
        ),
      );
      const polled = reports.filter((r): r is PollReport => r !== undefined);
      // One line per cycle, whatever the number of failing feeds.
      if (polled.length > 0) this.logger.info(summarise(polled), 'feed poll cycle done');
      return polled;
    } finally {
      this.running = false;
    }
  }
}
