import { readFileSync } from 'node:fs';
import type { FeedError, FeedSource, FetchOutcome } from '../../core/feedRegistry/feedItem.ts';
import { appError, err, ok, type Result } from '../../core/result.ts';
import { parseFeedBytes } from '../../feeds/feedFile.ts';

export const DEMO_FEED_URL = 'https://example.com/newsbrief-demo/feed.xml';
const DEMO_DIR = new URL('../../../data/demo/', import.meta.url);

/**
 * The demo's feed, served from `data/demo/sample-feed-<n>.xml` instead of the network, and
 * parsed by the real feed parser. `advance()` moves it to its next version, as a real feed
 * changes between two polls.
 */
export class DemoFeedSource implements FeedSource {
  private version = 1;

  advance(): void {
    this.version += 1;
  }

  async fetch(url: string): Promise<Result<FetchOutcome, FeedError>> {
    if (url !== DEMO_FEED_URL) return err(appError('feeds/demo-only', `The demo serves only ${DEMO_FEED_URL}.`));
    const bytes = readFileSync(new URL(`sample-feed-${this.version}.xml`, DEMO_DIR));
    const parsed = await parseFeedBytes(bytes, { contentType: 'application/rss+xml', base: url, maxBytes: 1024 * 1024 });
    if (!parsed.ok) return parsed;
    return ok({ kind: 'fetched', feed: parsed.value, etag: null, lastModified: null, bytes: bytes.length });
  }
}
