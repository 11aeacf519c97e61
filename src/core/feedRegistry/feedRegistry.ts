import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import { appError, err, ok, type AppError, type Result } from '../result.ts';
import type { AddressScreen, FeedError, FetchOutcome } from './feedItem.ts';
import { DEFAULT_HEALTH_POLICY, retryDelayMs, shouldPause, type FeedStatus, type HealthPolicy } from './feedHealth.ts';
import { TurnQueue } from './turnQueue.ts';
import { emptyCounts, type FeedItemIngest, type ItemCounts, type PreparedPoll } from './feedItemIngest.ts';
import type { FeedRecord, FeedStore } from './feedStore.ts';

export type PollStatus = 'new' | 'updated' | 'unchanged' | 'failed';

/** What one poll of one feed did, as `poll --once --json` reports it. */
export interface PollReport {
  readonly url: string;
  readonly title: string | null;
  readonly status: PollStatus;
  /** The first successful poll: items recorded, nothing alerted. */
  readonly firstPoll: boolean;
  readonly notModified: boolean;
  readonly counts: ItemCounts;
  readonly error?: AppError;
  /** Health after this poll. */
  readonly health: FeedStatus;
}

export function feedStatus(feed: FeedRecord): FeedStatus {
  if (feed.pausedAt) return 'paused';
  if (feed.consecutiveFailures > 0) return 'failing';
  return feed.lastSuccessAt ? 'ok' : 'new';
}

/** `https://Example.com/feed#x` → `https://example.com/feed`; refuses what is not http(s). */
export function normaliseFeedUrl(raw: string): Result<string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return err(appError('feeds/bad-url', `"${raw.slice(0, 100)}" is not a URL.`));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return err(appError('feeds/bad-url', `Only http and https feeds are supported, not ${url.protocol.replace(':', '')}.`));
  }
  url.hash = '';
  return ok(url.toString());
}

/**
 * The feeds the bot follows and their health: the core service behind `feeds …` commands and
 * the poller. The poller (src/feeds) fetches; this records what happened, in one place.
 */
export class FeedRegistry {
  private readonly storeTurns = new TurnQueue();

  constructor(
    private readonly store: FeedStore,
    private readonly items: FeedItemIngest,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly policy: HealthPolicy = DEFAULT_HEALTH_POLICY,
    private readonly random: () => number = Math.random,
  ) {}

  /** What the fetcher refuses outright (src/feeds/addressScreen.ts), installed with it; none in tests that add loopback feeds. */
  private screen: AddressScreen | undefined;

  /** Refuse at add time what the fetcher would refuse at every poll (installFeedSource). */
  screenAdditions(screen: AddressScreen): void {
    this.screen = screen;
  }

  /** Adds a feed; adding a paused one again resumes it (the admin's "try again"). */
  add(rawUrl: string, source = 'user', title?: string): Result<{ feed: FeedRecord; created: boolean; resumed: boolean }> {
    const url = normaliseFeedUrl(rawUrl);
    if (!url.ok) return url;
    const refused = this.screen?.(url.value);
    if (refused) return err(refused);
    const existing = this.store.findByUrl(url.value);
    if (existing) {
      if (!existing.pausedAt) return ok({ feed: existing, created: false, resumed: false });
      this.store.update(existing.id, { pausedAt: null, consecutiveFailures: 0, failingSince: null, nextPollAt: null });
      return ok({ feed: this.store.get(existing.id)!, created: false, resumed: true });
    }
    const feed = this.store.insert({ url: url.value, source, addedAt: this.clock.now().toISOString(), title: title ?? null });
    if (source !== 'default') this.logger.info({ feed: feed.url, source }, 'feed added');
    return ok({ feed, created: true, resumed: false });
  }

  remove(rawUrl: string): Result<FeedRecord> {
    const feed = this.find(rawUrl);
    if (!feed) return err(appError('feeds/not-found', `No feed with the URL ${rawUrl.slice(0, 200)} is followed.`));
    this.store.delete(feed.id);
    this.logger.info({ feed: feed.url }, 'feed removed');
    return ok(feed);
  }

  find(rawUrl: string): FeedRecord | undefined {
    const url = normaliseFeedUrl(rawUrl);
    return url.ok ? this.store.findByUrl(url.value) : undefined;
  }

  list(): FeedRecord[] {
    return this.store.list();
  }

  /** Feeds whose turn it is: not paused, past their backoff. */
  due(): FeedRecord[] {
    return this.store.due(this.clock.now().toISOString());
  }

  /**
   * Loads a default feed list once per database: removing a default feed must not bring it
   * back on the next start.
   */
  seedDefaults(entries: readonly { url: string; title?: string }[]): number {
    if (this.store.setting('defaults_loaded')) return 0;
    let added = 0;
    for (const entry of entries) {
      const result = this.add(entry.url, 'default', entry.title);
      if (result.ok && result.value.created) added += 1;
    }
    this.store.setSetting('defaults_loaded', this.clock.now().toISOString());
    return added;
  }

  /**
   * Records one fetch of `feed`: stores new items, moves health, plans the next poll.
   * Undefined when the feed was removed while it was being fetched or its items prepared.
   */
  async record(feed: FeedRecord, outcome: Result<FetchOutcome, FeedError>): Promise<PollReport | undefined> {
    if (!this.store.get(feed.id)) return undefined;
    if (!outcome.ok) return this.recordFailure(feed, outcome.error);
    const firstPoll = feed.firstSuccessAt === null;
    const fetched = outcome.value.kind === 'fetched' ? outcome.value : undefined;
    // A feed's own title names the outlet of its articles, unless an admin gave one.
    const named = fetched ? { ...feed, title: feed.title ?? fetched.feed.title } : feed;
    const poll = fetched ? await this.items.prepare(named, fetched.feed.items, { firstPoll }) : undefined;
    // One poll stored per turn of the loop, so that chat commands get in between (TurnQueue).
    if (poll && poll.items.length > 0) await this.storeTurns.next();
    if (!this.store.get(feed.id)) return undefined;
    return this.recordSuccess(named, outcome.value, poll);
  }

  private recordSuccess(feed: FeedRecord, outcome: FetchOutcome, poll: PreparedPoll | undefined): PollReport {
    const now = this.clock.now().toISOString();
    const firstPoll = feed.firstSuccessAt === null;
    let counts = emptyCounts();
    if (outcome.kind === 'fetched' && poll) {
      counts = this.items.store(feed, poll);
      this.store.update(feed.id, {
        title: feed.title,
        siteUrl: outcome.feed.link ?? feed.siteUrl,
        etag: outcome.etag,
        lastModified: outcome.lastModified,
      });
    }
    this.store.update(feed.id, {
      firstSuccessAt: feed.firstSuccessAt ?? now,
      lastAttemptAt: now,
      lastSuccessAt: now,
      failingSince: null,
      consecutiveFailures: 0,
      lastErrorCode: null,
      lastError: null,
      nextPollAt: null,
    });
    const after = this.store.get(feed.id)!;
    const status: PollStatus = counts.new > 0 ? 'new' : counts.updated > 0 ? 'updated' : 'unchanged';
    return { url: feed.url, title: after.title, status, firstPoll, notModified: outcome.kind === 'not-modified', counts, health: feedStatus(after) };
  }

  private recordFailure(feed: FeedRecord, error: FeedError): PollReport {
    const now = this.clock.now();
    const failures = feed.consecutiveFailures + 1;
    const failingSince = feed.failingSince ?? now.toISOString();
    const pause = shouldPause(failures, new Date(failingSince), now, this.policy);
    const delay = retryDelayMs(failures, this.policy, this.random, error.retryAfterMs);
    this.store.update(feed.id, {
      lastAttemptAt: now.toISOString(),
      failingSince,
      consecutiveFailures: failures,
      lastErrorCode: error.code,
      lastError: error.message,
      pausedAt: pause ? now.toISOString() : null,
      nextPollAt: new Date(now.getTime() + delay).toISOString(),
    });
    // One line per failure at debug, one warn when a feed gets paused: unreachable default
    // feeds (offline machines) must not fill the log every cycle.
    if (pause) this.logger.warn({ feed: feed.url, failures, error: error.message }, 'feed paused after repeated failures');
    else this.logger.debug({ feed: feed.url, failures, error: error.message }, 'feed poll failed');
    const after = this.store.get(feed.id)!;
    return {
      url: feed.url,
      title: after.title,
      status: 'failed',
      firstPoll: false,
      notModified: false,
      counts: emptyCounts(),
      error: { code: error.code, message: error.message },
      health: feedStatus(after),
    };
  }
}
