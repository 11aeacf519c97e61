import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { loopbackServer, rss, type LoopbackServer } from '../feeds/support/loopbackServer.ts';

const BIN = new URL('../../bin/newsbrief.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'newsbrief-start-feeds-'));
const baseEnv = { ...process.env, FEEDS_POLL_CRON: 'off', FEEDS_DEFAULTS: 'none', NEWSBRIEF_SEED: 'false', LOG_LEVEL: 'warn', WEB_TOKEN: '' };

/** `newsbrief start` as a user runs it; resolves once the banner is printed (or the process exits). */
function start(name: string, env: Record<string, string>): { child: ChildProcess; ready: Promise<{ stderr: string; code: number | null; url?: string }> } {
  const child = spawn(process.execPath, [BIN, '--db', join(dir, `${name}.db`), 'start'], { env: { ...baseEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const ready = new Promise<{ stderr: string; code: number | null; url?: string }>((resolve) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const url = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr)?.[1];
      if (url && stderr.includes('Press Ctrl-C')) resolve({ stderr, code: null, url });
    });
    child.on('exit', (code) => resolve({ stderr, code }));
  });
  return { child, ready };
}

let feeds: LoopbackServer;
beforeAll(async () => {
  feeds = await loopbackServer({ '/wire.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Loopback Wire', [{ guid: 'w1', title: 'Ceasefire talks resume' }])) });
});
afterAll(async () => {
  await feeds.close();
  rmSync(dir, { recursive: true, force: true });
});

// A whole CLI start-up (every adapter's SDK is imported) can take tens of seconds on a busy machine.
describe('newsbrief start', { timeout: 90_000 }, () => {
  it('exits 1 naming WEB_PORT when the web chat port is already taken, instead of running headless', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const { code, stderr } = await start('taken', { WEB_PORT: String(port) }).ready;
      expect(code, stderr).toBe(1);
      expect(stderr).toContain(`port ${port} on 127.0.0.1 is in use`);
      expect(stderr).toContain('set WEB_PORT to a free port');
      expect(stderr).not.toContain('Press Ctrl-C');
    } finally {
      taken.close();
    }
  });

  it('checks a feed from the web chat with polling off, and refuses to add a private address there, naming FEEDS_ALLOW_HOSTS', async () => {
    const { child, ready } = start('chat', { WEB_PORT: '0', FEEDS_ALLOW_HOSTS: '127.0.0.1' });
    try {
      const { url, stderr } = await ready;
      expect(url, stderr).toBeDefined();
      const command = async (text: string) => (await (await fetch(new URL('/api/command', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) })).json()) as Reply;

      const checked = await command(`/brief feeds check ${feeds.origin}/wire.xml`);
      expect(checked).toMatchObject({ kind: 'info', title: 'Loopback Wire: 1 item' });

      const refused = await command('/brief feeds add http://10.0.0.1/rss');
      expect(refused).toMatchObject({ kind: 'error', title: 'Feed not added' });
      expect(JSON.stringify(refused)).toContain('refused: private address 10.0.0.1; if you trust 10.0.0.1, add it to FEEDS_ALLOW_HOSTS');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.on('exit', resolve));
    }
  });
});
