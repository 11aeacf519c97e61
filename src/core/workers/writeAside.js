// Plain JavaScript, with its types in writeAside.d.ts: bin/sourceBundle.js needs it before any
// TypeScript can load, and the worker bundles (workerBundle.ts) use the same.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Writes build outputs into `dir` as a whole: into a directory beside it first, then renamed
 * into place, so a process never reads a half-written set. When another process put the same
 * set there first, theirs is as good as ours.
 */
export function writeAside(dir, files) {
  const aside = `${dir}.${process.pid}.${Date.now()}`;
  mkdirSync(aside, { recursive: true });
  for (const file of files) writeFileSync(join(aside, basename(file.path)), file.contents);
  try {
    renameSync(aside, dir);
  } catch (error) {
    rmSync(aside, { recursive: true, force: true });
    if (!existsSync(dir)) throw error;
  }
}
