import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Config } from '../config/config.ts';
import type { Ingestor } from '../ingest/ingestor.ts';
import type { CoreMetrics } from '../metrics.ts';
import type { Db } from '../store/database.ts';
import { DEFAULT_HEALTH_POLICY } from './feedHealth.ts';
import { FeedItemIngest } from './feedItemIngest.ts';
import { FeedRegistry } from './feedRegistry.ts';
import { FeedStore } from './feedStore.ts';
import { SeenItemStore } from './seenItemStore.ts';

/** Wires the feeds feature from the config's FEEDS_* and ALERT_MAX_AGE_HOURS settings. */
export function createFeedRegistry(
  db: Db,
  ingestor: Ingestor,
  clock: Clock,
  logger: Logger,
  metrics: CoreMetrics,
  config: Partial<Config> = {},
): FeedRegistry {
  const maxAlertAgeMs = (config.ALERT_MAX_AGE_HOURS ?? 72) * 3600_000;
  // A poll that is rolled back and stored again must not count its items and alerts twice.
  const inTransaction = <T>(work: () => T): T => metrics.deferred(() => db.transaction(work)());
  const items = new FeedItemIngest(ingestor, new SeenItemStore(db), clock, logger, maxAlertAgeMs, inTransaction);
  const policy = { ...DEFAULT_HEALTH_POLICY, pauseAfterFailures: config.FEEDS_PAUSE_AFTER_FAILURES ?? DEFAULT_HEALTH_POLICY.pauseAfterFailures };
  return new FeedRegistry(new FeedStore(db), items, clock, logger, policy);
}
