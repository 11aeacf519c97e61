import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { HEAP_CEILING_MB } from '../../src/core/heapCeiling.ts';
import { WORKER_RESOURCE_LIMITS } from '../../src/core/workers/workerPool.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const HEAP_FLAG = /--max-old-space-size=(\d+)/;

/**
 * Without a ceiling, V8 sizes its heap from the host's RAM and lets garbage pile up: a bulk
 * import peaked at ~450 MB of RSS for a live heap of ~40 MB. The benchmarks must run with the
 * ceiling the product runs with, or they would measure a process users never start.
 */
describe('the heap ceiling', () => {
  const scripts = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

  it.each(['start', 'bench', 'soak'])('is passed to node by npm run %s, at the core’s number', (name) => {
    const command = scripts[name]!;
    expect(command).toMatch(/^node /);
    expect(Number(HEAP_FLAG.exec(command)?.[1])).toBe(HEAP_CEILING_MB);
  });

  it('leaves the bin’s shebang plain, since BusyBox env (Alpine) cannot split `env -S node --flag`', () => {
    const shebang = readFileSync(resolve(ROOT, 'bin/newsbrief.js'), 'utf8').split('\n')[0];
    expect(shebang).toBe('#!/usr/bin/env node');
  });

  it('caps the ingest workers at that size, not at the host’s', async () => {
    expect(WORKER_RESOURCE_LIMITS.maxOldGenerationSizeMb).toBe(HEAP_CEILING_MB);
    const code = "require('node:worker_threads').parentPort.postMessage(require('node:v8').getHeapStatistics().heap_size_limit)";
    const worker = new Worker(code, { eval: true, resourceLimits: WORKER_RESOURCE_LIMITS });
    const limit = await new Promise<number>((done) => worker.once('message', done));
    await worker.terminate();
    // The limit V8 reports adds the young generation's room to the old generation's ceiling.
    expect(limit / 1048576).toBeGreaterThanOrEqual(HEAP_CEILING_MB);
    expect(limit / 1048576).toBeLessThan(HEAP_CEILING_MB + 128);
  });
});
