import iconv from 'iconv-lite';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { FeedSource } from '../../src/core/feedRegistry/feedItem.ts';
import { DEFAULT_FETCH_LIMITS } from '../../src/feeds/fetchLimits.ts';
import { guardedAgent } from '../../src/feeds/guardedAgent.ts';
import { httpFeedSource } from '../../src/feeds/httpFeedSource.ts';
import { loopbackServer, rss, type LoopbackServer } from './support/loopbackServer.ts';

const FEED = rss('Loopback News', [{ guid: 'a1', title: 'Kyiv gets new air defence', link: 'https://example.org/a1' }]);
// Generous deadline for everything but the slow drip: a loaded CI machine must not make these flaky.
const limits = { ...DEFAULT_FETCH_LIMITS, deadlineMs: 15_000, maxBytes: 64 * 1024 };
const GZIP_BOMB = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));

let server: LoopbackServer;
let source: FeedSource;
let impatient: FeedSource;

beforeAll(async () => {
  server = await loopbackServer({
    '/feed': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Sat, 14 Sep 2024 10:00:00 GMT' }).end(FEED);
    },
    '/slow-drip': (_req, res) => {
      // One byte every 100 ms: never idle for long, but never done before the deadline.
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const timer = setInterval(() => res.write(' '), 100);
      res.on('close', () => clearInterval(timer));
    },
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const pump = () => {
        while (res.write(chunk)) if (res.destroyed) return;
      };
      res.on('drain', pump);
      pump();
    },
    '/gzip-bomb': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(GZIP_BOMB);
    },
    '/gzip-ok': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(gzipSync(FEED));
    },
    '/br': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'br' }).end(brotliCompressSync(FEED)),
    '/deflate': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'deflate' }).end(deflateSync(FEED)),
    '/loop-a': (_req, res) => void res.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_req, res) => void res.writeHead(302, { location: '/loop-a' }).end(),
    '/to-metadata': (_req, res) => void res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    '/to-localhost': (_req, res) => void res.writeHead(307, { location: `http://localhost:${server.port}/feed` }).end(),
    '/to-file': (_req, res) => void res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/rate-limited': (_req, res) => void res.writeHead(429, { 'retry-after': '120' }).end('slow down'),
    '/unavailable': (_req, res) => void res.writeHead(503, { 'retry-after': 'Sat, 14 Sep 2024 13:00:00 GMT' }).end(),
    '/html': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><head><title>Home</title></head><body>Hi</body></html>'),
    '/empty': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(),
    '/latin1-says-utf8': (_req, res) => {
      const xml = rss('Notícias do Brasil', [{ guid: 'n1', title: 'Eleição em São Paulo' }]);
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(iconv.encode(xml, 'latin1'));
    },
    '/cp1251-header-wins': (_req, res) => {
      const xml = rss('Новости Харькова', [{ guid: 'k1', title: 'Удары по Белгороду' }]);
      res.writeHead(200, { 'content-type': 'text/xml; charset=windows-1251' }).end(iconv.encode(xml, 'windows-1251'));
    },
    '/not-found': (_req, res) => void res.writeHead(404).end(),
  });
  const agent = guardedAgent({ allowHosts: ['127.0.0.1'], connectTimeoutMs: 10_000 });
  source = httpFeedSource(agent, limits, new ManualClock('2024-09-14T12:00:00Z'));
  impatient = httpFeedSource(agent, { ...limits, deadlineMs: 1000 }, new ManualClock('2024-09-14T12:00:00Z'));
});

afterAll(() => server.close());

const fetchPath = (path: string, validators = {}) => source.fetch(`${server.origin}${path}`, validators);

describe('fetching a feed from a polite, guarded client', () => {
  it('sends a descriptive User-Agent and asks for compression', async () => {
    const result = await fetchPath('/feed');
    expect(result.ok).toBe(true);
    const seen = server.requests.at(-1)!;
    expect(seen.headers['user-agent']).toMatch(/^newsbrief\/\S+ \(feed reader/);
    expect(seen.headers['accept-encoding']).toContain('gzip');
  });

  it('keeps the ETag and Last-Modified, sends them back, and a 304 costs no parse', async () => {
    const first = await fetchPath('/feed');
    expect(first.ok && first.value.kind === 'fetched' && first.value.etag).toBe('"v1"');
    expect(first.ok && first.value.kind === 'fetched' && first.value.lastModified).toBe('Sat, 14 Sep 2024 10:00:00 GMT');
    const second = await fetchPath('/feed', { etag: '"v1"', lastModified: 'Sat, 14 Sep 2024 10:00:00 GMT' });
    expect(second).toEqual({ ok: true, value: { kind: 'not-modified' } });
    const sent = server.requests.at(-1)!.headers;
    expect(sent['if-none-match']).toBe('"v1"');
    expect(sent['if-modified-since']).toBe('Sat, 14 Sep 2024 10:00:00 GMT');
  });

  it('gives up on a slow drip at the total deadline, not an idle timeout', async () => {
    const result = await impatient.fetch(`${server.origin}/slow-drip`);
    expect(result).toMatchObject({ ok: false, error: { code: 'feeds/timeout', message: 'timed out after 1 s' } });
  });

  it('stops reading an endless body at the size cap', async () => {
    const result = await fetchPath('/endless');
    expect(result).toMatchObject({ ok: false, error: { code: 'feeds/too-large' } });
  });

  it('stops a gzip bomb at the cap counted after decompression', async () => {
    const result = await fetchPath('/gzip-bomb');
    expect(result).toMatchObject({ ok: false, error: { code: 'feeds/too-large', message: expect.stringContaining('after decompression') } });
  });

  it('reads a gzip-encoded feed', async () => {
    const result = await fetchPath('/gzip-ok');
    expect(result.ok && result.value.kind === 'fetched' && result.value.feed.title).toBe('Loopback News');
  });

  it('reads brotli and deflate bodies too', async () => {
    for (const path of ['/br', '/deflate']) {
      const result = await fetchPath(path);
      expect(result.ok && result.value.kind === 'fetched' && result.value.feed.items.length, path).toBe(1);
    }
  });

  it('gives up on a redirect loop after 5 redirects', async () => {
    const before = server.requests.length;
    const result = await fetchPath('/loop-a');
    expect(result).toMatchObject({ ok: false, error: { code: 'feeds/too-many-redirects' } });
    expect(server.requests.length - before).toBe(6);
  });

  it('refuses a redirect to the cloud metadata address without connecting', async () => {
    const result = await fetchPath('/to-metadata');
    expect(result).toMatchObject({ ok: false, error: { code: 'feeds/refused', message: expect.stringContaining('169.254.169.254') } });
  });

  it('re-checks every hop: a redirect to localhost (not on the allow list) is refused', async () => {
    const before = server.requests.length;
    const result = await fetchPath('/to-localhost');
    expect(result).toMatchObject({ ok: false, error: { code: 'feeds/refused', message: expect.stringContaining('loopback') } });
    expect(server.requests.length - before).toBe(1);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const result = await fetchPath('/to-file');
    expect(result).toMatchObject({ ok: false, error: { code: 'feeds/bad-scheme' } });
  });

  it('honours Retry-After on 429 (seconds) and 503 (HTTP date)', async () => {
    expect(await fetchPath('/rate-limited')).toMatchObject({ ok: false, error: { code: 'feeds/rate-limited', retryAfterMs: 120_000, message: expect.stringContaining('wait 2 min') } });
    expect(await fetchPath('/unavailable')).toMatchObject({ ok: false, error: { code: 'feeds/unavailable', retryAfterMs: 3_600_000 } });
  });

  it('says so in plain words when it gets an HTML page instead of a feed', async () => {
    expect(await fetchPath('/html')).toMatchObject({ ok: false, error: { code: 'feeds/not-a-feed', message: 'not a feed: got an HTML page' } });
  });

  it('reports an empty 200 as empty, not as a crash', async () => {
    expect(await fetchPath('/empty')).toMatchObject({ ok: false, error: { code: 'feeds/empty' } });
  });

  it('decodes Latin-1 bytes served under a wrong "utf-8" declaration', async () => {
    const result = await fetchPath('/latin1-says-utf8');
    expect(result.ok && result.value.kind === 'fetched' && result.value.feed.title).toBe('Notícias do Brasil');
    expect(result.ok && result.value.kind === 'fetched' && result.value.feed.items[0]!.title).toBe('Eleição em São Paulo');
  });

  it('lets the HTTP charset win over an XML declaration that says otherwise', async () => {
    const result = await fetchPath('/cp1251-header-wins');
    expect(result.ok && result.value.kind === 'fetched' && result.value.feed.title).toBe('Новости Харькова');
  });

  it('words HTTP errors for people', async () => {
    expect(await fetchPath('/not-found')).toMatchObject({ ok: false, error: { code: 'feeds/http-status', message: 'the feed was not found (HTTP 404)' } });
  });
});
