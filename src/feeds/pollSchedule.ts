import cron from 'node-cron';
import type { Logger } from 'pino';
import type { FeedPoller } from './feedPoller.ts';

export interface PollSchedule {
  stop(): Promise<void>;
}

/**
 * Runs a poll cycle on the cron schedule (FEEDS_POLL_CRON), each start delayed by a random
 * jitter so that many bots on `*\/15` do not hit the same servers at the same second.
 * `noOverlap` and the poller's own guard mean a slow cycle is never joined by the next.
 */
export function startPollSchedule(poller: FeedPoller, options: { cron: string; maxJitterMs: number; logger: Logger }): PollSchedule {
  const task = cron.schedule(
    options.cron,
    async () => {
      try {
        await poller.cycle();
      } catch (error) {
        options.logger.error({ err: error }, 'feed poll cycle failed');
      }
    },
    { name: 'feed-poll', noOverlap: true, maxRandomDelay: options.maxJitterMs },
  );
  return {
    async stop() {
      await task.destroy();
      // A cycle in flight finishes (bounded by the fetch deadline) before the database closes.
      await poller.idle();
    },
  };
}
