import Parser from 'rss-parser';
import type { FeedError, ParsedFeed } from '../core/feedRegistry/feedItem.ts';
import { appError, err, ok, type Result } from '../core/result.ts';
import { textOf, titleText } from './feedValue.ts';
import { htmlToLine } from './htmlText.ts';
import { normaliseItem, type RawItem } from './itemNormaliser.ts';
import { unprefixedAtom } from './prefixedAtom.ts';

// The raw title element too (keepArray stops rss-parser unwrapping it): Atom 0.3 titles may
// be base64 (`mode="base64"`), which only the element's attributes reveal.
const PARSER_OPTIONS = {
  defaultRSS: 2,
  customFields: { feed: [['title', 'titleNode', { keepArray: true }]], item: [['title', 'titleNode', { keepArray: true }]] },
} as unknown as Parser.ParserOptions<Record<string, unknown>, Record<string, unknown>>;

const looksLikeHtml = (text: string): boolean => /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype\s+html|<html[\s>])/i.test(text);

function describeParseError(error: unknown): FeedError {
  const message = (error as Error)?.message ?? String(error);
  if (/not recognized as RSS/i.test(message)) {
    return appError('feeds/not-a-feed', 'not a feed: the XML is neither RSS nor Atom');
  }
  const [what, line] = [message.split('\n')[0], /Line:\s*(\d+)/.exec(message)?.[1]];
  return appError('feeds/malformed', `not a well-formed feed: ${what}${line ? ` (line ${Number(line) + 1})` : ''}`);
}

/**
 * Feed text → ParsedFeed through rss-parser's `parseString` (never `parseURL`: fetching is
 * ours, guarded). `base` (the feed's URL) makes relative links absolute.
 */
export async function parseFeed(text: string, base?: string): Promise<Result<ParsedFeed, FeedError>> {
  if (!text.trim()) return err(appError('feeds/empty', 'the response was empty'));
  if (looksLikeHtml(text)) return err(appError('feeds/not-a-feed', 'not a feed: got an HTML page'));
  let raw: { title?: unknown; titleNode?: unknown; link?: unknown; items?: RawItem[] };
  try {
    // A parser per call: xml2js parsers keep state and must not be shared between parses.
    raw = await new Parser(PARSER_OPTIONS).parseString(unprefixedAtom(text));
  } catch (error) {
    return err(describeParseError(error));
  }
  const link = textOf(raw.link)?.trim() || null;
  const itemBase = link && /^https?:/i.test(link) ? new URL(link, base).toString() : base;
  const title = titleText(raw.titleNode) ?? textOf(raw.title);
  return ok({
    title: title ? htmlToLine(title) || null : null,
    link,
    items: (raw.items ?? []).map((item) => normaliseItem(item, safeBase(itemBase, base))),
  });
}

function safeBase(preferred: string | undefined, fallback: string | undefined): string | undefined {
  try {
    return preferred ? new URL(preferred).toString() : fallback;
  } catch {
    return fallback;
  }
}
