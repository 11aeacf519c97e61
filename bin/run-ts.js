#!/usr/bin/env node
// Runs one TypeScript entry point (benchmarks, soak test) as the bin runs the CLI: from a bundle
// of src/ and bench/ (sourceBundle.js), so the figures are those of the code users run, without
// the ~50 MB of tsx's loader thread; through tsx when bundling cannot be done.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { importSource } from './sourceBundle.js';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: run-ts <file.ts> [args…]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(entry), ...rest];
await importSource(pathToFileURL(resolve(entry)), { dirs: ['src', 'bench'] });
