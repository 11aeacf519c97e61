import { isIP } from 'node:net';
import { appError, err, ok, type AppError, type Result } from '../../core/result.ts';

/**
 * Whether a bind address only accepts connections from this machine. Names other than
 * `localhost` count as non-loopback: we do not resolve DNS to decide what is safe.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}

/**
 * Binding beyond loopback exposes commands (admin ones included) to the network, so it is
 * refused without a token. Example: WEB_HOST=0.0.0.0 and no WEB_TOKEN → `web/token-required`.
 */
export function checkBind(host: string, token: string | undefined): Result<{ readonly loopback: boolean }, AppError> {
  const loopback = isLoopbackHost(host);
  if (!loopback && !token) {
    return err(
      appError(
        'web/token-required',
        `The web chat would listen on ${host}, which other machines can reach, but WEB_TOKEN is not set. ` +
          'Set WEB_TOKEN to a long random secret (people then open the page with ?token=…), or set WEB_HOST=127.0.0.1.',
      ),
    );
  }
  return ok({ loopback });
}
