import ipaddr from 'ipaddr.js';

/**
 * Which addresses a feed fetch may connect to. A feed URL is chosen by whoever runs
 * `/brief feeds add`, so without this a chat user could make the bot read the cloud metadata
 * service (169.254.169.254), the admin page of a router, or anything on localhost.
 * Refused: loopback, RFC 1918 private, CGNAT 100.64/10, link-local (incl. metadata),
 * unspecified, broadcast, multicast, reserved/documentation ranges, IPv6 ULA, site-local,
 * and every IPv6 form that embeds an IPv4 address (mapped ::ffff:a.b.c.d, compatible
 * ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16), judged by the IPv4 inside.
 */
const V4_WORDS: Record<string, string> = {
  unspecified: 'unspecified address',
  broadcast: 'broadcast address',
  multicast: 'multicast address',
  linkLocal: 'link-local address',
  loopback: 'loopback address',
  carrierGradeNat: 'carrier-grade NAT address',
  private: 'private address',
  reserved: 'reserved address',
  as112: 'reserved address',
  amt: 'reserved address',
};

const V6_WORDS: Record<string, string> = {
  unspecified: 'unspecified address',
  linkLocal: 'link-local address',
  multicast: 'multicast address',
  loopback: 'loopback address',
  uniqueLocal: 'private (unique local) address',
  deprecatedSiteLocal: 'site-local address',
  discard: 'discard address',
  teredo: 'tunnel (Teredo) address',
  benchmarking: 'reserved address',
  reserved: 'reserved address',
  segmentRouting: 'reserved address',
};

/** IPv6 ranges that carry an IPv4 address in their low 32 bits. */
const EMBEDS_V4 = new Set(['ipv4Mapped', 'rfc6145', 'rfc6052']);

function v4Refusal(address: ipaddr.IPv4, shown: string): string | null {
  const words = V4_WORDS[address.range()];
  if (!words) return null;
  const metadata = address.toString() === '169.254.169.254' ? ' (cloud metadata service)' : '';
  return `${words} ${shown}${metadata}`;
}

const lowV4 = (parts: number[]): ipaddr.IPv4 =>
  new ipaddr.IPv4([parts[6]! >> 8, parts[6]! & 0xff, parts[7]! >> 8, parts[7]! & 0xff]);

function v6Refusal(address: ipaddr.IPv6, shown: string): string | null {
  const range = address.range();
  const parts = address.parts;
  if (EMBEDS_V4.has(range)) return v4Refusal(lowV4(parts), shown);
  if (range === '6to4') return v4Refusal(new ipaddr.IPv4([parts[1]! >> 8, parts[1]! & 0xff, parts[2]! >> 8, parts[2]! & 0xff]), shown);
  const words = V6_WORDS[range];
  if (words) return `${words} ${shown}`;
  // IPv4-compatible (deprecated) ::a.b.c.d: the first 96 bits are zero.
  if (parts.slice(0, 6).every((p) => p === 0)) return v4Refusal(lowV4(parts), shown) ?? `reserved address ${shown}`;
  return null;
}

/**
 * Why a connection to `ip` must be refused, in words for people ("private address
 * 10.0.0.5"), or null when it is an ordinary public address. Anything unparsable is refused.
 */
export function refusalReason(ip: string): string | null {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return `unrecognised address ${ip}`;
  const address = ipaddr.parse(bare);
  return address.kind() === 'ipv4' ? v4Refusal(address as ipaddr.IPv4, bare) : v6Refusal(address as ipaddr.IPv6, bare);
}

/** True for an IP literal (v4 or v6, bracketed or not): such hosts skip DNS entirely. */
export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(host.replace(/^\[|\]$/g, ''));
}

/**
 * FEEDS_ALLOW_HOSTS as a test on a URL's host: case-free, IPv6 brackets or not. The connect-time
 * guard (guardedAgent.ts) and the add-time screen (addressScreen.ts) let the same hosts in.
 */
export function hostAllowList(allowHosts: readonly string[]): (host: string) => boolean {
  const bare = (host: string): string => host.toLowerCase().replace(/^\[|\]$/g, '');
  const allowed = new Set(allowHosts.map(bare));
  return (host) => allowed.has(bare(host));
}

