import type { Result } from '../result.ts';
import type { FeedError, ParsedFeed } from './feedItem.ts';
import { itemKey } from './itemKey.ts';

/** `feeds check` output: `{ok, feed:{title,link}, items:[{id,title,link,publishedAt}], error?}`. */
export interface CheckReport {
  readonly ok: boolean;
  readonly feed: { readonly title: string | null; readonly link: string | null };
  readonly items: readonly { id: string; title: string | null; link: string | null; publishedAt: string | null }[];
  readonly error?: { readonly code: string; readonly message: string };
}

export function checkReport(result: Result<ParsedFeed, FeedError>): CheckReport {
  if (!result.ok) {
    return { ok: false, feed: { title: null, link: null }, items: [], error: { code: result.error.code, message: result.error.message } };
  }
  const { title, link, items } = result.value;
  return {
    ok: true,
    feed: { title, link },
    items: items.map((item) => ({
      id: item.guid ?? itemKey(item),
      title: item.title ?? null,
      link: item.link ?? null,
      publishedAt: item.publishedAt ?? null,
    })),
  };
}
