import type { AppError, Result } from '../result.ts';

/** One feed entry after normalisation: plain text, canonical link, UTC date. */
export interface FeedItem {
  readonly guid?: string | undefined;
  readonly title?: string | undefined;
  /** Canonical absolute URL (see canonicalUrl). */
  readonly link?: string | undefined;
  /** ISO 8601 UTC, absent when the feed gives no usable date. */
  readonly publishedAt?: string | undefined;
  readonly author?: string | undefined;
  /** Clean text of the item's content (or summary when that is all there is). */
  readonly text: string;
  readonly summary?: string | undefined;
}

export interface ParsedFeed {
  readonly title: string | null;
  readonly link: string | null;
  readonly items: readonly FeedItem[];
}

/** A fetch or parse failure: a namespaced code, words for people, and when to try again. */
export interface FeedError extends AppError {
  /** From Retry-After on 429/503: the server asked us to wait this long. */
  readonly retryAfterMs?: number;
}

export interface ConditionalValidators {
  readonly etag?: string | null;
  readonly lastModified?: string | null;
}

export type FetchOutcome =
  | { readonly kind: 'not-modified' }
  | {
      readonly kind: 'fetched';
      readonly feed: ParsedFeed;
      readonly etag: string | null;
      readonly lastModified: string | null;
      readonly bytes: number;
    };

/**
 * Why the fetcher would refuse a URL without fetching it (a private IP literal), or nothing:
 * the registry asks it when a feed is added (src/feeds/addressScreen.ts implements it).
 */
export type AddressScreen = (url: string) => FeedError | undefined;

/** The port feeds implement (src/feeds): fetch a feed, guarded, and parse it. */
export interface FeedSource {
  fetch(url: string, validators?: ConditionalValidators): Promise<Result<FetchOutcome, FeedError>>;
}
