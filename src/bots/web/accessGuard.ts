import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorReply } from '../../core/reply.ts';
import { isLoopbackHost } from './bindSafety.ts';

export const TOKEN_COOKIE = 'newsbrief_token';

export interface AccessOptions {
  /** WEB_TOKEN; when set, every request (page, API, event stream, health, metrics) must carry it. */
  readonly token?: string | undefined;
  /** Bound to loopback: then the Host header must name loopback too (DNS rebinding). */
  readonly loopback: boolean;
}

/** Compares digests so the time taken says nothing about how much of the token matched. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * Where a token may come from: `Authorization: Bearer …` (scripts), `?token=…` (the first
 * page load, and EventSource, which cannot set headers) or the cookie set after that load.
 */
function presentedToken(request: FastifyRequest): { token?: string; fromQuery: boolean } {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), fromQuery: false };
  const query = (request.query as Record<string, unknown> | undefined)?.token;
  if (typeof query === 'string') return { token: query, fromQuery: true };
  const cookie = cookieValue(request.headers.cookie, TOKEN_COOKIE);
  return cookie === undefined ? { fromQuery: false } : { token: cookie, fromQuery: false };
}

const hostnameOf = (host: string): string => host.replace(/:\d+$/, '');

/** `Origin: null` (sandboxed frames) and malformed origins count as foreign. */
function sameOrigin(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Fastify onRequest hook: host check, then token check. Refusals are error Replies. */
export function accessGuard(options: AccessOptions) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const host = request.headers.host ?? '';
    // A page on another site that resolves its own name to 127.0.0.1 must not drive the bot.
    if (options.loopback && !isLoopbackHost(hostnameOf(host))) {
      request.log.warn({ host }, 'web: request for a non-loopback host name refused');
      return reply.code(403).send(errorReply('Wrong address', 'Open the chat at http://127.0.0.1 or http://localhost.', { code: 'web/bad-host' }));
    }
    const origin = request.headers.origin;
    if (request.method === 'POST' && origin !== undefined && !sameOrigin(origin, host)) {
      return reply.code(403).send(errorReply('Refused', 'Commands are only accepted from the chat page itself.', { code: 'web/cross-origin' }));
    }
    if (!options.token) return;
    const { token, fromQuery } = presentedToken(request);
    if (token === undefined || !sameSecret(token, options.token)) {
      return reply
        .code(401)
        .send(errorReply('Token needed', 'This chat is protected: open it with ?token=<WEB_TOKEN> or send Authorization: Bearer <WEB_TOKEN>.', { code: 'web/unauthorized' }));
    }
    if (fromQuery) {
      reply.header('set-cookie', `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`);
    }
  };
}
