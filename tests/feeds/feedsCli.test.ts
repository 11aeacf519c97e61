import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/core.ts';
import { loopbackServer, rss, type LoopbackServer } from './support/loopbackServer.ts';

const BIN = new URL('../../bin/newsbrief.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'newsbrief-feeds-cli-'));
const db = join(dir, 'feeds.db');
let server: LoopbackServer;
const version = 1;

/** The CLI as a user runs it; async, so this process's loopback server can answer it. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWith({ FEEDS_ALLOW_HOSTS: '127.0.0.1' }, ...args);
}

async function cliWith(extraEnv: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, LOG_LEVEL: 'warn', FEEDS_DEFAULTS: 'none', NEWSBRIEF_SEED: 'false', ...extraEnv };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, '--db', db, ...args], { env, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  server = await loopbackServer({
    '/down.xml': (_req, res) => void res.writeHead(500).end('down'),
    '/world.xml': (req, res) => {
      const etag = `"v${version}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
      const items = [1, 2, 3].slice(0, version + 1).map((n) => ({ guid: `w${n}`, title: `Ceasefire talks, day ${n}`, link: `https://example.org/w${n}?utm_source=rss`, date: 'Sat, 14 Sep 2024 09:00:00 GMT', description: `Negotiators met for the ${n === 1 ? 'first' : n === 2 ? 'second' : 'third'} day in Geneva and said progress on prisoner exchanges was slow but real.` }));
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(rss('Loopback World', items));
    },
  });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

// Each CLI run costs seconds of start-up on a busy machine, so only what needs the real
// process is run here; the rest of the feeds commands are tested in-process (feedsCommand.test.ts).
describe('newsbrief poll and feeds check, as a user runs them', () => {
  it('polls a feed added to the database: first poll stored quietly, per-feed JSON report', async () => {
    const feedUrl = `${server.origin}/world.xml`;
    const core = createCore({ dbPath: db });
    core.feeds.add(feedUrl);
    core.close();

    const polled = await cli('poll', '--once', '--json');
    expect(polled.code).toBe(0);
    const report = JSON.parse(polled.stdout);
    expect(report.summary).toMatchObject({ feeds: 1, new: 1, failed: 0, newArticles: 2, notDue: 0 });
    expect(report.feeds).toEqual([expect.objectContaining({ url: feedUrl, title: 'Loopback World', status: 'new', firstPoll: true, counts: expect.objectContaining({ new: 2 }) })]);
  });

  it('checks a feed file and explains a page that is not a feed', async () => {
    const file = join(dir, 'page.html');
    writeFileSync(file, '<!doctype html><html><body>Subscribe!</body></html>');
    const result = await cli('feeds', 'check', file, '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ ok: false, feed: { title: null, link: null }, items: [], error: { code: 'feeds/not-a-feed', message: 'not a feed: got an HTML page' } });
  });

  it('refuses to add a loopback, private or cloud-metadata feed, saying how to allow a host explicitly', async () => {
    const urls = ['http://127.0.0.1:9/x.xml', 'http://169.254.169.254/latest/meta-data', 'http://10.1.2.3/feed'];
    const results = await Promise.all(urls.map((url) => cliWith({ FEEDS_ALLOW_HOSTS: '' }, 'feeds', 'add', url)));
    expect(results.map((r) => r.code)).toEqual([1, 1, 1]);
    expect(results.map((r) => r.stdout)).toEqual([
      expect.stringContaining('refused: loopback address 127.0.0.1; if you trust 127.0.0.1, add it to FEEDS_ALLOW_HOSTS (comma-separated) and restart'),
      expect.stringContaining('refused: link-local address 169.254.169.254 (cloud metadata service); if you trust 169.254.169.254, add it to FEEDS_ALLOW_HOSTS'),
      expect.stringContaining('refused: private address 10.1.2.3; if you trust 10.1.2.3, add it to FEEDS_ALLOW_HOSTS'),
    ]);
    const listed = await cliWith({ FEEDS_ALLOW_HOSTS: '' }, 'feeds', 'list', '--json');
    expect(JSON.parse(listed.stdout).feeds.map((f: { url: string }) => f.url)).not.toContain('http://10.1.2.3/feed');
  });

  it('exits 1 from poll --once when every polled feed failed, with each failure in words', async () => {
    const downDb = join(dir, 'down.db');
    const core = createCore({ dbPath: downDb });
    core.feeds.add(`${server.origin}/down.xml`);
    core.close();
    // A later --db wins over the helper's.
    const polled = await cli('--db', downDb, 'poll', '--once');
    expect(polled.code).toBe(1);
    expect(polled.stdout).toMatch(/^failed +.*down\.xml — /m);
    expect(polled.stdout).toContain('1 feed polled: 0 with new items, 0 updated, 0 unchanged, 1 failed');
  });
});
