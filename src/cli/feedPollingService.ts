import { DEFAULT_FEEDS_FILE, loadDefaultFeeds } from '../feeds/defaultFeeds.ts';
import type { Runtime } from './runtime.ts';
import type { Service } from './services.ts';

/** Longest random delay before a scheduled cycle starts. */
const MAX_JITTER_MS = 60_000;

/** A new database follows data/feeds.json once (FEEDS_DEFAULTS names another file, or "none"). */
export function seedDefaultFeeds({ core, config, logger }: Runtime): void {
  if (config.FEEDS_DEFAULTS === 'none') return;
  try {
    const file = config.FEEDS_DEFAULTS === 'bundled' ? DEFAULT_FEEDS_FILE : config.FEEDS_DEFAULTS;
    const added = core.feeds.seedDefaults(loadDefaultFeeds(file));
    if (added > 0) logger.info({ feeds: added }, 'default feeds added');
  } catch (error) {
    logger.warn({ err: error, file: config.FEEDS_DEFAULTS }, 'default feed list could not be read; no defaults added');
  }
}

/** `npm start`: polls due feeds on FEEDS_POLL_CRON, one cycle at a time. */
export const feedPollingService: Service = {
  name: 'feed polling',
  wanted: ({ config }) => (config.FEEDS_POLL_CRON === 'off' ? { on: false, reason: 'FEEDS_POLL_CRON=off' } : { on: true }),
  async start(runtime) {
    // Imported on start only: every CLI command loads this file through services.ts.
    const { FeedPoller } = await import('../feeds/feedPoller.ts');
    const { installFeedSource } = await import('../feeds/installFeedSource.ts');
    const { startPollSchedule } = await import('../feeds/pollSchedule.ts');
    seedDefaultFeeds(runtime);
    const { core, config, logger } = runtime;
    const poller = new FeedPoller(core.feeds, installFeedSource(core, config), logger, config.FEEDS_MAX_CONCURRENCY);
    const schedule = startPollSchedule(poller, { cron: config.FEEDS_POLL_CRON, maxJitterMs: MAX_JITTER_MS, logger });
    return {
      summary: `${core.feeds.list().length} feeds, ${config.FEEDS_POLL_CRON}`,
      stop: () => schedule.stop(),
    };
  },
};
