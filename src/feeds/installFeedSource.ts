import type { Config } from '../core/config/config.ts';
import type { Core } from '../core/core.ts';
import type { FeedSource } from '../core/feedRegistry/feedItem.ts';
import { addressScreen } from './addressScreen.ts';
import { DEFAULT_FETCH_LIMITS, type FetchLimits } from './fetchLimits.ts';
import { guardedAgent } from './guardedAgent.ts';
import { httpFeedSource } from './httpFeedSource.ts';

export type FeedFetchConfig = Pick<Config, 'FEEDS_ALLOW_HOSTS' | 'FEEDS_TIMEOUT_MS' | 'FEEDS_MAX_BYTES'>;

export function fetchLimitsFrom(config: FeedFetchConfig): FetchLimits {
  return { ...DEFAULT_FETCH_LIMITS, deadlineMs: config.FEEDS_TIMEOUT_MS, maxBytes: config.FEEDS_MAX_BYTES };
}

/** Builds the guarded HTTP FeedSource from config. */
export function createFeedSource(config: FeedFetchConfig, core: Pick<Core, 'clock'>): FeedSource {
  const limits = fetchLimitsFrom(config);
  const agent = guardedAgent({ allowHosts: config.FEEDS_ALLOW_HOSTS, connectTimeoutMs: Math.min(10_000, limits.deadlineMs) });
  return httpFeedSource(agent, limits, core.clock);
}

/**
 * Gives the core its FeedSource port (for `/brief feeds check`), unless one is installed, and
 * has the feed registry refuse at add time the addresses that fetcher would refuse.
 * Called by the CLI commands and `start`, which own the core they opened.
 */
export function installFeedSource(core: Core, config: FeedFetchConfig): FeedSource {
  core.ports.feedSource ??= createFeedSource(config, core);
  core.feeds.screenAdditions(addressScreen(config.FEEDS_ALLOW_HOSTS));
  return core.ports.feedSource;
}
