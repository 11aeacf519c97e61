import { createHash } from 'node:crypto';
import type { FeedItem } from './feedItem.ts';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

/**
 * How an item is recognised on every later poll: its guid, else its canonical link, else
 * title + date. Feeds that change guids but keep links, or have neither, still dedupe.
 */
export function itemKey(item: FeedItem): string {
  if (item.guid?.trim()) return `guid:${item.guid.trim()}`;
  if (item.link) return `link:${item.link}`;
  if (item.title?.trim()) return `title:${item.title.trim().toLowerCase()}|${item.publishedAt ?? ''}`;
  return `text:${sha(item.text)}`;
}

/** What we stored of an item; when it changes, the item was edited upstream. */
export function itemFingerprint(item: FeedItem): string {
  return sha(JSON.stringify([item.title ?? '', item.link ?? '', item.publishedAt ?? '', item.text]));
}
