import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const BIN = new URL('../../bin/newsbrief.js', import.meta.url).pathname;

it('starts, seeds a fresh database, keeps running, and shuts down cleanly on Ctrl-C', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-start-'));
  const child = spawn(process.execPath, [BIN, 'start', '--db', join(dir, 'start.db')], {
    // Port 0 everywhere: the test must not collide with a bot already running here.
    env: { ...process.env, WEB_PORT: '0', LOG_LEVEL: 'warn', FEEDS_POLL_CRON: '0 0 1 1 *' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner; stderr: ${stderr}`)), 90_000);
    child.stderr.on('data', () => {
      if (stderr.includes('Press Ctrl-C to stop.')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  expect(stderr).toMatch(/corpus: 5 articles/);
  expect(child.exitCode).toBeNull();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  const code = await exited;
  expect(code, stderr).toBe(0);
  expect(stderr).toContain('database closed');
  rmSync(dir, { recursive: true, force: true });
});
