import type { FeedError, FeedItem, FeedSource, FetchOutcome } from '../../../src/core/feedRegistry/feedItem.ts';
import type { Result } from '../../../src/core/result.ts';

/**
 * A FeedSource whose feeds tests set by hand (the HTTP side has its own loopback tests).
 * Each URL answers with its current items, or with an error.
 */
export class ScriptedFeedSource implements FeedSource {
  readonly answers = new Map<string, Result<FetchOutcome, FeedError>>();
  readonly fetched: string[] = [];

  items(url: string, title: string, items: FeedItem[]): void {
    this.answers.set(url, { ok: true, value: { kind: 'fetched', feed: { title, link: null, items }, etag: null, lastModified: null, bytes: 0 } });
  }

  fail(url: string, error: FeedError): void {
    this.answers.set(url, { ok: false, error });
  }

  async fetch(url: string): Promise<Result<FetchOutcome, FeedError>> {
    this.fetched.push(url);
    return this.answers.get(url) ?? { ok: false, error: { code: 'feeds/network', message: 'no answer scripted' } };
  }
}

export const item = (n: number, extra: Partial<FeedItem> = {}): FeedItem => ({
  guid: `item-${n}`,
  title: `Item ${n}: officials describe the situation near Kharkiv`,
  link: `https://example.org/news/${n}`,
  publishedAt: '2024-09-14T10:00:00.000Z',
  text: `Report number ${n}. Officials said on Saturday that shelling near Kharkiv continued overnight, and ${'that residents were told to stay in shelters while repair crews worked. '.repeat(1)}Story ${n} is distinct from the other stories in this feed because it mentions the number ${n * 7919}.`,
  ...extra,
});
