import { formatDuration, type FeedStatus } from './feedHealth.ts';
import { feedStatus } from './feedRegistry.ts';
import type { FeedRecord } from './feedStore.ts';

/** A feed as `feeds list --json` and the chat show it: health in data and in words. */
export interface FeedView {
  readonly url: string;
  readonly title: string | null;
  readonly siteUrl: string | null;
  readonly source: string;
  readonly status: FeedStatus;
  readonly health: string;
  readonly lastSuccessAt: string | null;
  readonly failingSince: string | null;
  readonly consecutiveFailures: number;
  readonly lastError: string | null;
  readonly nextPollAt: string | null;
  readonly itemCount: number;
}

const ago = (iso: string, now: Date): string => `${formatDuration(now.getTime() - Date.parse(iso))} ago`;

/** "failing for 2 h (3 failures): timed out after 20 s; next try in 20 min" */
export function healthWords(feed: FeedRecord, now: Date): string {
  const items = `${feed.itemCount} item${feed.itemCount === 1 ? '' : 's'} seen`;
  switch (feedStatus(feed)) {
    case 'new':
      return 'not polled yet';
    case 'ok':
      return `ok — last success ${ago(feed.lastSuccessAt!, now)}, ${items}`;
    case 'paused':
      return `paused after ${feed.consecutiveFailures} failures: ${feed.lastError ?? 'unknown error'} — add it again to resume`;
    case 'failing': {
      const next = feed.nextPollAt ? `; next try in ${formatDuration(Math.max(0, Date.parse(feed.nextPollAt) - now.getTime()))}` : '';
      const since = feed.failingSince ? ` since ${ago(feed.failingSince, now)}` : '';
      const last = feed.lastSuccessAt ? `; last success ${ago(feed.lastSuccessAt, now)}` : '';
      return `failing${since} (${feed.consecutiveFailures}×): ${feed.lastError ?? 'unknown error'}${next}${last}`;
    }
  }
}

export function feedView(feed: FeedRecord, now: Date): FeedView {
  return {
    url: feed.url,
    title: feed.title,
    siteUrl: feed.siteUrl,
    source: feed.source,
    status: feedStatus(feed),
    health: healthWords(feed, now),
    lastSuccessAt: feed.lastSuccessAt,
    failingSince: feed.failingSince,
    consecutiveFailures: feed.consecutiveFailures,
    lastError: feed.lastError,
    nextPollAt: feed.nextPollAt,
    itemCount: feed.itemCount,
  };
}
