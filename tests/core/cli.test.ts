import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = new URL('../../bin/newsbrief.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'newsbrief-cli-'));
const db = join(dir, 'cli.db');
const CORPUS = new URL('../../data/corpus/', import.meta.url).pathname;

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each case spawns the real CLI (the bin, its bundle, every module a command loads): generous
// limits for a busy 2-core machine.
describe('the newsbrief CLI', { timeout: 120_000 }, () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints its version', () => {
    const result = cli('--version');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('creates, migrates and seeds a database on first use and lists five articles', () => {
    const { code, stdout } = cli('corpus', 'list', '--json');
    expect(code).toBe(0);
    const listed = JSON.parse(stdout) as { count: number; articles: { title: string; outlet: string; publishedAt: string }[] };
    expect(listed.count).toBe(5);
    expect(listed.articles.every((a) => a.title && a.outlet && a.publishedAt)).toBe(true);
  });

  it('searches with --json: seed articles with outlet and date, and nothing else on stdout', () => {
    const { code, stdout } = cli('search', 'ATACMS', '--json');
    expect(code).toBe(0);
    const found = JSON.parse(stdout) as { results: { outlet: string; publishedAt: string }[] };
    expect(found.results.length).toBeGreaterThan(0);
    expect(found.results[0]).toMatchObject({ outlet: expect.any(String), publishedAt: expect.stringMatching(/^2024-/) });
  });

  it('leaves five articles after ingesting the corpus twice', () => {
    const files = execFileSync('ls', [CORPUS], { encoding: 'utf8' }).trim().split('\n').map((f) => join(CORPUS, f));
    cli('ingest', ...files);
    const { stdout } = cli('ingest', ...files, '--json');
    expect(JSON.parse(stdout).counts).toMatchObject({ new: 0, duplicate: 5 });
    expect(JSON.parse(cli('corpus', 'list', '--json').stdout).count).toBe(5);
  });

  it('imports a JSON-lines file of 250 articles in bulk, reporting the repeats as already known', () => {
    const line = (i: number) =>
      JSON.stringify({
        title: `Council report ${i}`,
        url: `https://bulk.example/${i}`,
        outlet: 'Bulk Gazette',
        publishedAt: '2024-10-01T08:00:00Z',
        text: `The council met for session ${i} and approved budget line ${i * 7}.\n\nMembers said item ${i} would be reviewed again in ${i % 12} months.`,
      });
    const lines = [...Array.from({ length: 240 }, (_, i) => line(i)), ...Array.from({ length: 10 }, (_, i) => line(i))];
    const file = join(dir, 'bulk.jsonl');
    writeFileSync(file, lines.join('\n'));
    const { code, stdout } = cli('ingest', file, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { counts: Record<string, number>; articles: { status: string; duplicateOf: number | null }[] };
    expect(result.counts).toMatchObject({ new: 240, duplicate: 10, errors: 0 });
    expect(result.articles.slice(240).every((a) => a.status === 'duplicate' && a.duplicateOf !== null)).toBe(true);
    expect(JSON.parse(cli('corpus', 'list', '--json').stdout).count).toBe(245);
  });

  it('reads a JSON-lines file of over 8 MB line by line, naming a bad line by its number', () => {
    const filler = 'Delegates reviewed the procurement schedule, the audit findings and the maintenance backlog in detail. '.repeat(38);
    const line = (i: number) => JSON.stringify({ title: `Procurement review ${i}`, url: `https://large.example/${i}`, outlet: 'Large Gazette', text: `Session ${i} opened with item ${i * 3}. ${filler}` });
    const lines = Array.from({ length: 2_100 }, (_, i) => line(i));
    lines.splice(1_000, 0, '', '{"title": "cut off');
    const file = join(dir, 'large.jsonl');
    writeFileSync(file, lines.join('\n'));
    expect(statSync(file).size).toBeGreaterThan(8 * 1024 * 1024);
    const { code, stdout } = cli('ingest', file, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { counts: Record<string, number>; errors: { message: string }[] };
    expect(result.counts).toMatchObject({ new: 2_100, errors: 1 });
    expect(result.errors[0]!.message).toBe(`${file}:1002: not valid JSON.`);
  });

  it('exits 2 with one line of reason and the usage for unknown commands and bad arguments', () => {
    const unknown = cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'\nusage: newsbrief/);
    const missing = cli('search');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing required argument[\s\S]*usage: newsbrief search/);
  });

  it('refuses a --limit or an id that is not a whole number with exit 2 and the rule, not a stack trace', async () => {
    const cases = [['corpus', 'list', '--limit', 'x'], ['corpus', 'list', '--limit', '99999999999999999999'], ['corpus', 'list', '--limit', '-5'], ['topics', 'test', 'atacms', '--limit', '0'], ['outbox', 'retry', 'abc']];
    // In parallel: each is a separate process that stops at argument parsing.
    const results = await Promise.all(cases.map((args) => run(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8' }).then(() => ({ code: 0, stderr: '' }), (e: { code: number; stderr: string }) => e)));
    for (const { code, stderr } of results) {
      expect(code).toBe(2);
      expect(stderr).toMatch(/must be a whole number/);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
    expect(results[0]!.stderr).toMatch(/--limit must be a whole number from 1 to 1,000,000\.\nusage: newsbrief corpus list/);
    expect(results[4]!.stderr).toMatch(/the item id must be a whole number, 1 or more\./);
  });

  it('refuses a binary file as not text, and reads a Latin-1 file as windows-1252', () => {
    const binary = join(dir, 'binary.bin');
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const refused = cli('ingest', binary, '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ counts: { new: 0, errors: 1 }, errors: [{ code: 'ingest/not-text', message: `${binary}: not a text file (it looks binary); nothing was stored from it.` }] });

    const latin1 = join(dir, 'latin1.txt');
    writeFileSync(latin1, Buffer.from('title: Caf\xe9 news\n---\nLe caf\xe9 est ferm\xe9 depuis lundi, a annonc\xe9 le propri\xe9taire.\n', 'latin1'));
    const read = cli('ingest', latin1, '--json');
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout).articles).toEqual([expect.objectContaining({ status: 'new', title: 'Café news' })]);
  });

  it('stores a one-line brief whose only text is its headline, and counts what cleaning left empty', () => {
    const file = join(dir, 'briefs.jsonl');
    const headline = 'Pentagon approves ATACMS use inside Russia';
    writeFileSync(file, [{ title: 'x', text: 'Breaking: Biden lifts ban' }, { title: headline, text: headline }, { title: 'Nothing here', text: 'Getty Images\n\n%s' }].map((a) => JSON.stringify(a)).join('\n'));
    const { code, stdout } = cli('ingest', file);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^new .*\tx\nnew .*\tPentagon approves ATACMS use inside Russia\nempty .*\tNothing here\n2 new, 0 updated, 0 already known, 1 empty after cleaning, 0 errors\n$/);
    const search = JSON.parse(cli('search', 'lifts ban', '--json').stdout) as { results: { title: string }[] };
    expect(search.results.map((r) => r.title)).toContain('x');
  });

  it('refuses a day that does not exist, and names what feeds check accepts, in plain words', async () => {
    const sample = new URL('../../data/demo/sample-feed-1.xml', import.meta.url).pathname;
    const cases = [['digest', '--since', '2024-02-30'], ['feeds', 'check', 'ftp://example.com/x'], ['feeds', 'check', sample]];
    const [digest, ftp, file] = await Promise.all(cases.map((args) => run(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8' }).then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }), (e: { code: number; stdout: string; stderr: string }) => e)));
    expect(digest!.code).toBe(2);
    expect(digest!.stderr).toMatch(/^--since: "2024-02-30" is not an ISO date of a day that exists/m);
    expect(ftp).toMatchObject({ code: 1, stdout: 'ftp://example.com/x: neither an http(s) URL nor an existing file\n' });
    expect(file!.code).toBe(0);
    expect(file!.stdout).toMatch(/^newsbrief demo wire: 1 item\n/);
  });

  it('prints help for every command', async () => {
    const commands = [[], ['search'], ['ingest'], ['corpus', 'list'], ['start'], ['ask'], ['feeds'], ['topics'], ['digest'], ['status'], ['policy', 'analyze']];
    // In parallel: each is a separate process, and this is a help check, not a load test.
    const outputs = await Promise.all(commands.map((command) => run(process.execPath, [BIN, ...command, '--help'], { encoding: 'utf8' })));
    for (const { stdout } of outputs) expect(stdout).toMatch(/^Usage: newsbrief/);
  });

  it('stops at start-up with the key and the fix when configuration is malformed', () => {
    const result = spawnSync(process.execPath, [BIN, 'corpus', 'list'], { encoding: 'utf8', env: { ...process.env, WEB_PORT: 'abc', NEWSBRIEF_DB: db } });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/WEB_PORT/);
  });
});
