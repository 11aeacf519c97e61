import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const BIN = new URL('../../bin/newsbrief.js', import.meta.url).pathname;

it('refuses to start on a non-loopback address without WEB_TOKEN, saying how to fix it, before binding anything', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-web-refusal-'));
  // Nothing is ever bound: the refusal happens before any service starts.
  const child = spawn(process.execPath, [BIN, 'start', '--db', join(dir, 'refusal.db')], {
    env: { ...process.env, WEB_HOST: '0.0.0.0', WEB_PORT: '0', WEB_TOKEN: '', NEWSBRIEF_SEED: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
  expect(code, stderr).toBe(1);
  expect(stderr).toContain('0.0.0.0');
  expect(stderr).toContain('WEB_TOKEN is not set');
  expect(stderr).toContain('WEB_HOST=127.0.0.1');
  expect(stderr).not.toContain('Press Ctrl-C');
  // A whole CLI start-up (every adapter's SDK is imported) can take tens of seconds on a busy machine.
}, 90_000);
