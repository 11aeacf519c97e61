import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { PreparePool } from '../../src/core/ingest/preparePool.ts';
import { bundleWorker } from '../../src/core/workers/workerBundle.ts';

const WORKER = new URL('../../src/core/ingest/prepareWorker.ts', import.meta.url).href;
const CLAIMS = new URL('../../src/core/policy/claimPreparation.ts', import.meta.url).href;

const article = { title: 'Biden lets Ukraine strike inside Russia', text: 'The United States has allowed Ukraine to use ATACMS missiles against targets inside Russia, officials said.' };

describe('ingest workers run from a bundle of plain JavaScript', () => {
  it('bundles the worker and its stage modules into files that load without a TypeScript loader', async () => {
    const modules = await bundleWorker({ prepareWorker: WORKER, claims: CLAIMS });
    for (const url of Object.values(modules)) expect(existsSync(fileURLToPath(url))).toBe(true);
    // A plain node, no tsx: the stage module loads as it is.
    const script = `const m = await import(${JSON.stringify(modules.claims)}); console.log(typeof m.prepareForIngest);`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim()).toBe('function');
  });

  it('gives the same files for the same code, so processes share one bundle', async () => {
    const first = await bundleWorker({ prepareWorker: WORKER });
    const second = await bundleWorker({ prepareWorker: WORKER });
    expect(second).toEqual(first);
  });

  it('still prepares articles, and says why in the log, when bundling fails', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const bundling = await import('../../src/core/workers/workerBundle.ts');
    const spy = vi.spyOn(bundling, 'bundleWorker').mockRejectedValueOnce(new Error('disk full'));
    const pool = new PreparePool([], logger, 1);
    try {
      const [prepared] = await pool.prepare([article]);
      expect(prepared!.sentences.length).toBeGreaterThan(0);
      expect(lines.join('')).toContain('could not bundle the ingest workers');
      expect(lines.join('')).toContain('disk full');
    } finally {
      spy.mockRestore();
      await pool.close();
    }
  });
});
