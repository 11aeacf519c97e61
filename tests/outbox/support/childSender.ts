import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Bundles senderChild.ts once into plain JavaScript, so each restart costs ~0.2 s instead of
 * ~1.5 s of TypeScript compilation: the kill test restarts the sender 50+ times.
 * `import.meta.url` is pinned to migrate.ts so the bundle still finds the migrations.
 */
export function bundleSenderChild(): string {
  const outfile = join(mkdtempSync(join(tmpdir(), 'newsbrief-child-')), 'senderChild.cjs');
  buildSync({
    entryPoints: [join(ROOT, 'tests/outbox/support/senderChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    target: 'node20',
    outfile,
    logLevel: 'error',
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(ROOT, 'src/core/store/migrate.ts')).href) },
  });
  return outfile;
}

/** Starts the sender process and resolves once it says "ready" (it has recovered and is sending). */
export function startSender(bundle: string, dbPath: string, platformUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bundle, dbPath, platformUrl], {
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  return new Promise((resolvePromise, reject) => {
    child.stdout!.once('data', () => resolvePromise(child));
    child.once('exit', (code, signal) => reject(new Error(`sender exited before ready (${code ?? signal}): ${stderr.slice(0, 500)}`)));
  });
}

export function hardKill(child: ChildProcess): Promise<void> {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolvePromise();
    child.once('exit', () => resolvePromise());
    child.kill('SIGKILL');
  });
}
