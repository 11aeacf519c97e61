import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { DEFAULT_FETCH_LIMITS } from '../../src/feeds/fetchLimits.ts';
import { guardedAgent } from '../../src/feeds/guardedAgent.ts';
import { httpFeedSource } from '../../src/feeds/httpFeedSource.ts';
import { loopbackServer, rss, type LoopbackServer } from './support/loopbackServer.ts';

// Only loopback targets: the guard must stop each before a single byte reaches the server.
let server: LoopbackServer;

beforeAll(async () => {
  server = await loopbackServer({ '/feed': (_req, res) => void res.writeHead(200).end(rss('Secret intranet feed', [])) });
});
afterAll(() => server.close());

const guarded = (allowHosts: string[]) =>
  httpFeedSource(guardedAgent({ allowHosts, connectTimeoutMs: 10_000 }), { ...DEFAULT_FETCH_LIMITS, deadlineMs: 15_000 }, new ManualClock('2024-09-14T12:00:00Z'));

describe('the SSRF guard with no hosts allowed', () => {
  it.each([
    ['an IPv4 literal', (port: number) => `http://127.0.0.1:${port}/feed`],
    ['a name that resolves to loopback', (port: number) => `http://localhost:${port}/feed`],
    ['an IPv4-mapped IPv6 literal', (port: number) => `http://[::ffff:127.0.0.1]:${port}/feed`],
    ['a decimal IPv4 literal', (port: number) => `http://2130706433:${port}/feed`],
    ['a shortened IPv4 literal', (port: number) => `http://127.1:${port}/feed`],
  ])('refuses %s and the server sees zero requests', async (_name, url) => {
    const result = await guarded([]).fetch(url(server.port));
    expect(result).toMatchObject({ ok: false, error: { code: 'feeds/refused', message: expect.stringMatching(/^refused: loopback address .*; if you trust (127\.0\.0\.1|localhost|\[::ffff:7f00:1\]), add it to FEEDS_ALLOW_HOSTS/) } });
    expect(server.requests).toHaveLength(0);
    expect(server.connections).toBe(0);
  });

  it('lets an operator-allowed host through (how the tests reach their own servers)', async () => {
    const result = await guarded(['127.0.0.1']).fetch(`${server.origin}/feed`);
    expect(result.ok && result.value.kind === 'fetched' && result.value.feed.title).toBe('Secret intranet feed');
    expect(server.requests).toHaveLength(1);
  });
});
