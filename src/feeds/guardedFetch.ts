import { request, type Dispatcher } from 'undici';
import type { ConditionalValidators, FeedError } from '../core/feedRegistry/feedItem.ts';
import { appError, err, ok, type Result } from '../core/result.ts';
import { readCappedBody } from './cappedBody.ts';
import { describeFetchError } from './fetchErrorWords.ts';
import type { FetchLimits } from './fetchLimits.ts';

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** Decoded (decompressed) and capped; empty for 304. */
  readonly body: Buffer;
  readonly finalUrl: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const header = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

function checkScheme(url: URL): FeedError | null {
  return url.protocol === 'http:' || url.protocol === 'https:'
    ? null
    : appError('feeds/bad-scheme', `refused: only http and https are fetched, not ${url.protocol.replace(':', '')}`);
}

/**
 * The one chokepoint for every outbound feed request: http(s) only, a total deadline over
 * all hops and the body, at most `maxRedirects` redirects (each hop connects through the
 * guarded agent, so each is SSRF-checked), and a body cap after decompression.
 */
export async function guardedFetch(
  rawUrl: string,
  agent: Dispatcher,
  limits: FetchLimits,
  validators: ConditionalValidators = {},
): Promise<Result<HttpResponse, FeedError>> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('deadline'));
  }, limits.deadlineMs);
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    clearTimeout(timer);
    return err(appError('feeds/bad-url', `"${rawUrl.slice(0, 100)}" is not a URL`));
  }
  try {
    for (let hop = 0; ; hop++) {
      const schemeError = checkScheme(url);
      if (schemeError) return err(schemeError);
      const response = await request(url, {
        dispatcher: agent,
        method: 'GET',
        signal: controller.signal,
        headers: {
          'user-agent': limits.userAgent,
          accept: 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
          ...(validators.etag ? { 'if-none-match': validators.etag } : {}),
          ...(validators.lastModified ? { 'if-modified-since': validators.lastModified } : {}),
        },
      });
      const location = header(response.headers, 'location');
      if (REDIRECTS.has(response.statusCode) && location) {
        await response.body.dump();
        if (hop >= limits.maxRedirects) {
          return err(appError('feeds/too-many-redirects', `gave up after ${limits.maxRedirects} redirects (last to ${location.slice(0, 200)})`));
        }
        url = new URL(location, url);
        continue;
      }
      const headers = Object.fromEntries(Object.keys(response.headers).map((name) => [name, header(response.headers, name)]));
      const body =
        response.statusCode === 304 || response.statusCode >= 400
          ? (await response.body.dump(), Buffer.alloc(0))
          : await readCappedBody(response.body, headers['content-encoding'], limits.maxBytes, controller.signal);
      return ok({ status: response.statusCode, headers, body, finalUrl: url.toString() });
    }
  } catch (error) {
    return err(describeFetchError(error, limits, timedOut, url.host));
  } finally {
    clearTimeout(timer);
  }
}
