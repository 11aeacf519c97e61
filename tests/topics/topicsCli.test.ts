import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../../bin/newsbrief.js');
const dir = mkdtempSync(join(tmpdir(), 'newsbrief-topics-cli-'));
const cli = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } });

describe('the topics and match command lines', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('match: one JSON line per stdin item with the ids of the topics it matches, in file order; a bad topic is reported and skipped', () => {
    const topics = join(dir, 'topics.json');
    writeFileSync(topics, JSON.stringify([
      { id: 'strikes', query: '(ATACMS OR "Storm Shadow" OR "long-range missiles") AND (Russia OR Kursk) -Crimea' },
      { id: 'missiles', query: 'missile' },
      { id: 'Bad One', query: 'ATACMS "open' },
      { id: 7, query: 'Kursk' },
    ]));
    const items = [
      { id: 'a', title: 'Biden lets Ukraine fire ATACMS into Russia', summary: 'Long-range missiles hit Kursk' },
      { id: 2, title: 'Missile strikes on Crimea', content: 'ATACMS used against Russian bases in Crimea' },
      { id: 'c', title: 'Markets rally' },
    ];
    const result = cli(['match', '--topics', topics, '--json'], items.map((i) => JSON.stringify(i)).join('\n') + '\n');
    expect(result.stderr).toBe('newsbrief: ' + topics + ': topic "Bad One": unclosed quote at column 8: expected a closing " after the phrase\n');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').map((line) => JSON.parse(line))).toEqual([
      { id: 'a', topics: ['strikes', 'missiles', 7] },
      { id: 2, topics: ['missiles'] },
      { id: 'c', topics: [] },
    ]);
  });

  it('topics add refuses a malformed query with its column and exit code 1, then saves a good one', () => {
    const db = join(dir, 'cli.db');
    const bad = cli(['--db', db, 'topics', 'add', 'strikes', 'ATACMS AND "Storm Shadow']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('unclosed quote at column 12');
    const good = cli(['--db', db, 'topics', 'add', 'strikes', 'ATACMS OR "Storm Shadow"', '--json']);
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ topic: { id: 'strikes', query: 'ATACMS OR "Storm Shadow"' }, replaced: false, matched: 2 });
  });
});
