import type { FeedError } from '../core/feedRegistry/feedItem.ts';
import { BodyTooLargeError, UnsupportedEncodingError } from './cappedBody.ts';
import type { FetchLimits } from './fetchLimits.ts';
import { allowHostHint, RefusedAddressError } from './refusedAddressError.ts';

const CODE_WORDS: Record<string, string> = {
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be looked up (DNS unavailable)',
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the server closed the connection',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection broke off',
  CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's TLS certificate is self-signed",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's TLS certificate is for another name",
};

/** Walks `cause` chains: undici wraps the connector's error. */
function* causes(error: unknown): Generator<unknown> {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) yield e;
}

/**
 * Any error thrown while fetching → a FeedError whose message a person understands:
 * "timed out after 20 s", "refused: private address 10.0.0.5", "the host name does not resolve".
 */
export function describeFetchError(error: unknown, limits: FetchLimits, timedOut: boolean, host: string): FeedError {
  if (timedOut) return { code: 'feeds/timeout', message: `timed out after ${Math.round(limits.deadlineMs / 1000)} s` };
  for (const e of causes(error)) {
    if (e instanceof RefusedAddressError) return { code: 'feeds/refused', message: `${e.message}; ${allowHostHint(host.replace(/:\d+$/, ''))}` };
    if (e instanceof BodyTooLargeError) {
      return { code: 'feeds/too-large', message: `the feed is larger than ${(limits.maxBytes / 1048576).toFixed(1).replace(/\.0$/, '')} MiB (after decompression)` };
    }
    if (e instanceof UnsupportedEncodingError) return { code: 'feeds/bad-encoding', message: `the server used an unsupported compression (${e.encoding})` };
    const code = (e as NodeJS.ErrnoException).code;
    if (code && CODE_WORDS[code]) return { code: 'feeds/network', message: `${CODE_WORDS[code]} (${host})` };
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return { code: 'feeds/bad-encoding', message: 'the compressed body is corrupt' };
  }
  const first = error as Error;
  return { code: 'feeds/network', message: `the fetch failed: ${first?.message ?? String(error)}`.slice(0, 300) };
}
