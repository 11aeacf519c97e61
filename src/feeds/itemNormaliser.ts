import { canonicalUrl } from '../core/feedRegistry/canonicalUrl.ts';
import type { FeedItem } from '../core/feedRegistry/feedItem.ts';
import { toIsoDate } from '../core/ingest/publishedDate.ts';
import { textOf, titleText } from './feedValue.ts';
import { htmlToLine, htmlToText } from './htmlText.ts';

/** The fields of an rss-parser item we read (RSS 0.9x/1.0/2.0 and Atom alike). */
export type RawItem = Record<string, unknown>;

const MAX_SUMMARY = 1000;

function firstText(item: RawItem, ...fields: string[]): string | undefined {
  for (const field of fields) {
    const text = textOf(item[field])?.trim();
    if (text) return text;
  }
  return undefined;
}

function itemLink(item: RawItem, guid: string | undefined, base: string | undefined): string | undefined {
  const link = firstText(item, 'link') ?? (guid && /^https?:\/\//i.test(guid) ? guid : undefined);
  return link ? canonicalUrl(link, base) : undefined;
}

/**
 * One rss-parser item → FeedItem: HTML to clean text, link made absolute and canonical,
 * date to UTC ISO (missing or nonsense dates become undefined, never "now").
 */
export function normaliseItem(item: RawItem, base: string | undefined): FeedItem {
  const guid = firstText(item, 'guid', 'id', 'rdf:about');
  const rawTitle = titleText(item.titleNode) ?? firstText(item, 'title');
  const html = firstText(item, 'content:encoded', 'content', 'summary', 'description') ?? '';
  const summaryHtml = firstText(item, 'summary', 'description', 'contentSnippet');
  const date = firstText(item, 'isoDate', 'pubDate', 'published', 'updated', 'dc:date');
  const author = firstText(item, 'creator', 'author', 'dc:creator');
  const summary = summaryHtml ? htmlToText(summaryHtml).slice(0, MAX_SUMMARY) : undefined;
  return {
    guid,
    title: rawTitle ? htmlToLine(rawTitle) : undefined,
    link: itemLink(item, guid, base),
    publishedAt: toIsoDate(date) ?? undefined,
    author: author ? htmlToLine(author).slice(0, 300) : undefined,
    text: htmlToText(html),
    summary: summary || undefined,
  };
}
