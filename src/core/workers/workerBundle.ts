import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeAside } from './writeAside.js';

/**
 * The prepare worker and the modules it loads (stage preparations), as plain JavaScript
 * bundled by esbuild when a pool starts (~0.2 s). A worker that loads our TypeScript through
 * tsx starts a module-loader thread of its own and keeps every transformed module: measured
 * idle, ~70 MB of RSS per worker, against ~35 MB for the same code bundled. That difference
 * is most of what kept a 100,000-article import over the 400 MB it should stay under.
 *
 * The files go to the OS temp dir under a hash of their content: processes running the same
 * code share them, changed code gets new files, and a half-written set is never used (it is
 * written aside, then renamed into place).
 */
export async function bundleWorker(entries: Readonly<Record<string, string>>): Promise<Record<string, string>> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, url]) => [name, fileURLToPath(url)])),
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Chunks shared by the entries (compromise is used by sentences and claims) load once.
    splitting: true,
    outdir: 'out',
    outExtension: { '.js': '.mjs' },
    write: false,
    logLevel: 'silent',
  });
  const hash = createHash('sha256');
  for (const file of result.outputFiles) hash.update(basename(file.path)).update(file.contents);
  const dir = join(tmpdir(), 'newsbrief-worker', hash.digest('hex').slice(0, 16));
  if (!existsSync(dir)) writeAside(dir, result.outputFiles);
  return Object.fromEntries(Object.keys(entries).map((name) => [name, pathToFileURL(join(dir, `${name}.mjs`)).href]));
}
