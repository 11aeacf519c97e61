import { Builder, parseStringPromise } from 'xml2js';
import type { FeedRecord } from '../core/feedRegistry/feedStore.ts';
import { appError, err, ok, type Result } from '../core/result.ts';

export interface OpmlFeed {
  readonly url: string;
  readonly title?: string | undefined;
}

interface Outline {
  $?: { xmlUrl?: string; xmlurl?: string; text?: string; title?: string };
  outline?: Outline[];
}

/** Outlines nest (folders); every outline with an xmlUrl is a feed, at any depth. */
function collect(outlines: Outline[] | undefined, into: OpmlFeed[]): void {
  for (const outline of outlines ?? []) {
    const url = outline.$?.xmlUrl ?? outline.$?.xmlurl;
    if (url) into.push({ url: url.trim(), title: outline.$?.title ?? outline.$?.text });
    collect(outline.outline, into);
  }
}

/** OPML 1.0/2.0 text → the feeds it lists. */
export async function parseOpml(text: string): Promise<Result<OpmlFeed[]>> {
  let doc: { opml?: { body?: { outline?: Outline[] }[] } };
  try {
    doc = (await parseStringPromise(text, { explicitArray: true })) as typeof doc;
  } catch (error) {
    return err(appError('feeds/bad-opml', `not a well-formed OPML file: ${(error as Error).message.split('\n')[0]}`));
  }
  if (!doc?.opml) return err(appError('feeds/bad-opml', 'not an OPML file: there is no <opml> element'));
  const feeds: OpmlFeed[] = [];
  for (const body of doc.opml.body ?? []) collect(body.outline, feeds);
  return ok(feeds);
}

/** The followed feeds as an OPML 2.0 document, for another reader or a backup. */
export function toOpml(feeds: readonly FeedRecord[], now: Date): string {
  const outline = feeds.map((feed) => ({
    $: {
      type: 'rss',
      text: feed.title ?? feed.url,
      title: feed.title ?? feed.url,
      xmlUrl: feed.url,
      ...(feed.siteUrl ? { htmlUrl: feed.siteUrl } : {}),
    },
  }));
  return new Builder({ xmldec: { version: '1.0', encoding: 'UTF-8' } }).buildObject({
    opml: {
      $: { version: '2.0' },
      head: { title: 'newsbrief feeds', dateCreated: now.toUTCString() },
      body: { outline },
    },
  });
}
