import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
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

  it('match: one JSON line per stdin item with the ids of the topics it matches, in file order', () => {
    const topics = join(dir, 'topics.json');
    writeFileSync(topics, JSON.stringify([
      { id: 'strikes', query: '(ATACMS OR "Storm Shadow" OR "long-range missiles") AND (Russia OR Kursk) -Crimea' },
      { id: 'missiles', query: 'missile' },
      { id: 7, query: 'Kursk' },
    ]));
    const items = [
      { id: 'a', title: 'Biden lets Ukraine fire ATACMS into Russia', summary: 'Long-range missiles hit Kursk' },
      { id: 2, title: 'Missile strikes on Crimea', content: 'ATACMS used against Russian bases in Crimea' },
      { id: 'c', title: 'Markets rally' },
    ];
    const result = cli(['match', '--topics', topics, '--json'], items.map((i) => JSON.stringify(i)).join('\n') + '\n');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').map((line) => JSON.parse(line))).toEqual([
      { id: 'a', topics: ['strikes', 'missiles', 7] },
      { id: 2, topics: ['missiles'] },
      { id: 'c', topics: [] },
    ]);
  });

  it('match accepts a topics file and a first stdin line that start with a UTF-8 byte-order mark', () => {
    const topics = join(dir, 'bom.json');
    writeFileSync(topics, '\uFEFF' + JSON.stringify([{ id: 'strikes', query: 'ATACMS AND Russia' }]));
    const result = cli(['match', '--topics', topics, '--json'], '\uFEFF' + JSON.stringify({ id: 'i', title: 'ATACMS Russia' }) + '\n');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ id: 'i', topics: ['strikes'] });
  });

  it('match skips an item whose id is null or missing, naming its line, and exits 1 after the others', () => {
    const topics = join(dir, 'ids.json');
    writeFileSync(topics, JSON.stringify([{ id: 'strikes', query: 'ATACMS' }]));
    const lines = [{ id: null, title: 'ATACMS' }, { title: 'ATACMS' }, { id: 'ok', title: 'ATACMS' }].map((i) => JSON.stringify(i)).join('\n');
    const result = cli(['match', '--topics', topics, '--json'], lines + '\n');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('newsbrief: line 1: an item needs an "id"; skipped\nnewsbrief: line 2: an item needs an "id"; skipped\n');
    expect(JSON.parse(result.stdout)).toEqual({ id: 'ok', topics: ['strikes'] });
  });

  it('match prints the same lines on worker threads as on one thread for a long stream, bad lines included', () => {
    const topics = join(dir, 'long.json');
    writeFileSync(topics, JSON.stringify([{ id: 'strikes', query: 'ATACMS AND Russia' }, { id: 'kursk', query: 'Kursk -Crimea' }, { id: 3, query: '"storm shadow"' }]));
    const titles = ['ATACMS fired into Russia', 'Fighting near Kursk', 'Storm Shadow over Crimea near Kursk', 'Markets rally'];
    // Past the 5,000 lines matched on the main thread, so the workers see the rest.
    const lines = Array.from({ length: 7000 }, (_, i) => JSON.stringify({ id: i, title: titles[i % 4], summary: i % 5 === 0 ? 'and Russia' : undefined }));
    lines[6001] = '{"broken"';
    lines[6500] = '';
    const input = lines.join('\n') + '\n';
    const one = cli(['match', '--topics', topics, '--json', '--threads', '1'], input);
    const two = cli(['match', '--topics', topics, '--json', '--threads', '2'], input);
    expect(one.status).toBe(1);
    expect(one.stderr).toBe('newsbrief: line 6002: not JSON; skipped\n');
    expect(one.stdout.split('\n').length - 1).toBe(6998);
    expect(one.stdout.split('\n')[5]).toBe('{"id":5,"topics":["kursk"]}');
    expect(two.status).toBe(one.status);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stdout).toBe(one.stdout);
  });

  it('match stops quietly, exit code 0, when its reader goes away before the end (| head)', async () => {
    const topics = join(dir, 'head.json');
    writeFileSync(topics, JSON.stringify([{ id: 'strikes', query: 'ATACMS AND Russia' }]));
    const input = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ id: i, title: 'ATACMS fired into Russia' })).join('\n') + '\n';
    const child = spawn(process.execPath, [BIN, 'match', '--topics', topics, '--json', '--threads', '2'], { env: { ...process.env, LOG_LEVEL: 'warn' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.on('error', () => undefined); // it may stop reading before all is written
    child.stdin.end(input);
    const [first] = (await once(child.stdout, 'data')) as [Buffer];
    child.stdout.destroy();
    const [code] = (await once(child, 'exit')) as [number];
    expect(first.toString().split('\n')[0]).toBe('{"id":0,"topics":["strikes"]}');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('match refuses a --threads that is not a whole number from 1 to 64', () => {
    const topics = join(dir, 'threads.json');
    writeFileSync(topics, JSON.stringify([{ id: 'strikes', query: 'ATACMS' }]));
    const result = cli(['match', '--topics', topics, '--json', '--threads', '0'], '');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('newsbrief: --threads must be a whole number from 1 to 64, not "0".\n');
  });

  const item = JSON.stringify({ id: 'i', title: 'ATACMS Russia' }) + '\n';
  const refused = (name: string, content: string) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    const result = cli(['match', '--topics', file, '--json'], item);
    return { file, status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('exits 1 with a clear message and prints nothing when the topics file is not JSON', () => {
    const { file, status, stdout, stderr } = refused('not-json.json', 'not json');
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^newsbrief: ${file}: not JSON \\(.*\\)\\. Expected \\[\\{"id","query"\\}\\]\\.\\n$`));
  });

  it('exits 1 when the topics file is an object or empty instead of an array', () => {
    const object = refused('object.json', '{"id":"x","query":"a"}');
    expect(object.status).toBe(1);
    expect(object.stdout).toBe('');
    expect(object.stderr).toBe(`newsbrief: ${object.file}: the file must be a JSON array of topics, not an object. Expected [{"id","query"}].\n`);
    const empty = refused('empty.json', '');
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('not JSON');
  });

  it('exits 1 naming each bad entry by position and id, and matches nothing, when one entry is bad', () => {
    const { file, status, stdout, stderr } = refused('mixed.json', JSON.stringify([
      { id: 'x' },
      { id: 'd', query: 'atacms' },
      'atacms',
      { id: 'Bad One', query: 'ATACMS "open' },
      { id: 'd', query: 'russia' },
    ]));
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      `newsbrief: ${file}: entry 1 (topic "x"): needs a "query" string.`,
      `newsbrief: ${file}: entry 3: must be an object {"id","query"}, not a string.`,
      `newsbrief: ${file}: entry 4 (topic "Bad One"): unclosed quote at column 8: expected a closing " after the phrase`,
      `newsbrief: ${file}: entry 5 (topic "d"): this id appears twice; the first one is used.`,
      `newsbrief: ${file}: 4 of 5 topics are not valid (above); nothing was matched.`,
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
