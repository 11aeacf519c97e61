import type { FeedError } from '../core/feedRegistry/feedItem.ts';
import { hostAllowList, isIpLiteral, refusalReason } from './addressPolicy.ts';
import { allowHostHint } from './refusedAddressError.ts';

/** Names that always mean this machine (RFC 6761), whatever DNS says. */
const LOCAL_NAME = /^(localhost|.+\.localhost)\.?$/i;

/**
 * What the guard would refuse about a feed URL before any DNS lookup: an IP-literal host that
 * is not public (127.0.0.1, 10.1.2.3, 169.254.169.254, [::1]) or a localhost name, unless
 * FEEDS_ALLOW_HOSTS lets it in. `feeds add` uses it so such a feed is refused when it is
 * added, not on its first poll; a name that resolves to a private address is still refused
 * at connect time (guardedAgent.ts), where the answer that counts is known.
 */
export function addressScreen(allowHosts: readonly string[]): (url: string) => FeedError | undefined {
  const isAllowed = hostAllowList(allowHosts);
  return (rawUrl) => {
    let hostname: string;
    try {
      hostname = new URL(rawUrl).hostname.toLowerCase();
    } catch {
      return undefined; // not a URL: the registry's own check says so
    }
    if (isAllowed(hostname)) return undefined;
    const bare = hostname.replace(/^\[|\]$/g, '');
    const reason = LOCAL_NAME.test(bare) ? `loopback address ${bare}` : isIpLiteral(bare) ? refusalReason(bare) : null;
    return reason ? { code: 'feeds/refused', message: `refused: ${reason}; ${allowHostHint(hostname)}.` } : undefined;
  };
}
