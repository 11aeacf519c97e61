import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/newsbrief.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'newsbrief-ask-cli-'));

describe('newsbrief ask --json', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints exactly {question, answer, status, asOf, citations} and nothing else on stdout', () => {
    const result = spawnSync(process.execPath, [BIN, '--db', join(dir, 'ask.db'), 'ask', 'Did the US allow ATACMS strikes inside Russia?', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'warn' },
    });
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout) as Record<string, unknown> & { citations: Record<string, unknown>[] };
    expect(Object.keys(document)).toEqual(['question', 'answer', 'status', 'asOf', 'citations']);
    expect(document).toMatchObject({ question: 'Did the US allow ATACMS strikes inside Russia?', status: 'answered' });
    expect(document.citations.length).toBeGreaterThanOrEqual(1);
    for (const citation of document.citations) expect(Object.keys(citation)).toEqual(['title', 'outlet', 'url', 'publishedAt', 'quote']);
  });

  it('takes a question that starts with "-" as the question, not as an unknown option', () => {
    const result = spawnSync(process.execPath, [BIN, '--db', join(dir, 'ask.db'), 'ask', '-Crimea ATACMS', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'warn' },
    });
    expect(result.stderr).not.toMatch(/unknown option/);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ question: '-Crimea ATACMS' });
  });
});
