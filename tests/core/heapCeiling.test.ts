import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const HEAP_FLAG = /--max-old-space-size=(\d+)/;

/**
 * Without a ceiling, V8 sizes its heap from the host's RAM (4 GB on a 24 GB machine) and lets
 * garbage pile up to ~180 MB before collecting it; a bulk import then peaked at 450 MB of RSS
 * for a live heap of ~40 MB. Every way of starting the bot, the CLI or the benchmarks must
 * carry the same ceiling, or the benchmarks would measure a process the product never runs.
 */
describe('the heap ceiling', () => {
  const scripts = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const shebang = readFileSync(resolve(ROOT, 'bin/newsbrief.js'), 'utf8').split('\n')[0]!;
  const launchers: [string, string][] = [
    ['npm start', scripts.start!],
    ['npm run bench', scripts.bench!],
    ['npm run soak', scripts.soak!],
    ['bin/newsbrief.js run as a program', shebang],
  ];

  it.each(launchers)('is set by %s', (_name, command) => {
    expect(command).toMatch(HEAP_FLAG);
  });

  it('is the same number everywhere, with room to spare over the live heap', () => {
    const values = new Set(launchers.map(([, command]) => Number(HEAP_FLAG.exec(command)?.[1])));
    expect([...values]).toEqual([1024]);
  });

  it('is passed to node itself in the shebang, not to the script', () => {
    expect(shebang).toBe('#!/usr/bin/env -S node --max-old-space-size=1024');
  });
});
