import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent, buildConnector } from 'undici';
import { hostAllowList, isIpLiteral, refusalReason } from './addressPolicy.ts';
import { RefusedAddressError } from './refusedAddressError.ts';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

export interface GuardOptions {
  /** Hosts (as written in URLs) let past the guard, e.g. an intranet feed host; tests list 127.0.0.1. */
  readonly allowHosts: readonly string[];
  readonly connectTimeoutMs: number;
}

/**
 * The HTTP agent every feed fetch goes through. The SSRF check sits at connect time, on the
 * address actually used, not on the URL: a name can resolve to 10.0.0.5, a redirect can point
 * anywhere, and DNS can answer differently on the second lookup (rebinding). Three layers:
 *  1. IP-literal hosts (127.0.0.1, [::ffff:7f00:1], and 2130706433, which URL parsing turns
 *     into 127.0.0.1) are refused before any socket exists: undici skips DNS for literals.
 *  2. Names resolve through a guarded lookup that refuses if any answer is refused, so no
 *     packet leaves for such an address.
 *  3. After connecting, the socket's remote address is checked again (belt and braces).
 */
export function guardedAgent(options: GuardOptions): Agent {
  const isAllowed = hostAllowList(options.allowHosts);

  const guardedLookup = (hostname: string, lookupOptions: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = isAllowed(hostname) ? null : addresses.map((a) => refusalReason(a.address)).find(Boolean);
      if (refused) return callback(new RefusedAddressError(refused), []);
      if (lookupOptions.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };

  const base = buildConnector({ timeout: options.connectTimeoutMs, lookup: guardedLookup } as buildConnector.BuildOptions);
  const connect: buildConnector.connector = (connectOptions, callback) => {
    const host = connectOptions.hostname;
    const pass = isAllowed(host);
    if (!pass && isIpLiteral(host)) {
      const refused = refusalReason(host);
      if (refused) return callback(new RefusedAddressError(refused), null);
    }
    base(connectOptions, (error, socket) => {
      if (error || !socket) return callback(error ?? new Error('no socket'), null);
      const remote = socket.remoteAddress;
      const refused = pass ? null : remote ? refusalReason(remote) : 'no remote address';
      if (refused) {
        socket.destroy();
        return callback(new RefusedAddressError(refused), null);
      }
      callback(null, socket);
    });
  };
  return new Agent({ connect, connections: 4, pipelining: 1 });
}
