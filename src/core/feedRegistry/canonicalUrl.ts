/**
 * Query parameters that only say how a reader arrived (campaign tags, click ids). Two links
 * that differ only in these are the same article, so they are dropped before keying.
 */
const TRACKING_PARAM = /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ocid|cmpid|ref_src|ref_url|smid|spm)$/i;

/**
 * The URL we key and store articles by: absolute (resolved against `base`), http(s) only,
 * no fragment, no tracking parameters. Host case and default ports are normalised by URL.
 * Example: `HTTPS://Example.com:443/a?utm_source=rss&id=7#top` → `https://example.com/a?id=7`.
 */
export function canonicalUrl(raw: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  const tracking = [...url.searchParams.keys()].filter((key) => TRACKING_PARAM.test(key));
  // Only rebuild the query when something goes: re-serialising can change its encoding.
  if (tracking.length > 0) {
    for (const key of tracking) url.searchParams.delete(key);
    if (url.searchParams.size === 0) url.search = '';
  }
  return url.toString();
}
