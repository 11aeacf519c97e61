import type { Dispatcher } from 'undici';
import type { Clock } from '../core/clock.ts';
import { formatDuration } from '../core/feedRegistry/feedHealth.ts';
import type { ConditionalValidators, FeedError, FeedSource, FetchOutcome } from '../core/feedRegistry/feedItem.ts';
import { appError, err, ok, type Result } from '../core/result.ts';
import { parseFeedBytes } from './feedFile.ts';
import type { FetchLimits } from './fetchLimits.ts';
import { guardedFetch } from './guardedFetch.ts';
import { parseRetryAfter } from './retryAfter.ts';

const STATUS_WORDS: Record<number, string> = {
  401: 'the feed needs a login (HTTP 401)',
  403: 'the server refused access (HTTP 403)',
  404: 'the feed was not found (HTTP 404)',
  410: 'the feed is gone for good (HTTP 410)',
};

function statusError(status: number, retryAfterMs: number | undefined): FeedError {
  if (status === 429 || status === 503) {
    const wait = retryAfterMs === undefined ? '' : `; it asked us to wait ${formatDuration(retryAfterMs)}`;
    const what = status === 429 ? 'too many requests (HTTP 429)' : 'the server is unavailable (HTTP 503)';
    return { ...appError(status === 429 ? 'feeds/rate-limited' : 'feeds/unavailable', `${what}${wait}`), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  return appError('feeds/http-status', STATUS_WORDS[status] ?? `the server answered HTTP ${status}`);
}

/**
 * The FeedSource port over HTTP: guarded fetch (conditional GET with the stored ETag and
 * Last-Modified), then charset decoding and rss-parser. A 304 costs no parse.
 */
export function httpFeedSource(agent: Dispatcher, limits: FetchLimits, clock: Clock): FeedSource {
  return {
    async fetch(url: string, validators: ConditionalValidators = {}): Promise<Result<FetchOutcome, FeedError>> {
      const response = await guardedFetch(url, agent, limits, validators);
      if (!response.ok) return response;
      const { status, headers, body, finalUrl } = response.value;
      if (status === 304) return ok({ kind: 'not-modified' });
      if (status < 200 || status >= 300) return err(statusError(status, parseRetryAfter(headers['retry-after'], clock.now())));
      const parsed = await parseFeedBytes(body, { contentType: headers['content-type'], base: finalUrl, maxBytes: limits.maxBytes });
      if (!parsed.ok) return parsed;
      return ok({ kind: 'fetched', feed: parsed.value, etag: headers.etag ?? null, lastModified: headers['last-modified'] ?? null, bytes: body.length });
    },
  };
}
