import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const PROJECT = resolve(import.meta.dirname, '../..');
const LOADER = pathToFileURL(join(PROJECT, 'bin/sourceBundle.js')).href;

/**
 * A project of its own in a temp dir (src/, node_modules with esbuild), so the tests change
 * sources freely. Each run is a fresh node with no TypeScript loader, as the bin starts.
 */
let root: string;
const cache = () => join(root, 'node_modules', '.cache', 'newsbrief');
const bundles = () => (existsSync(cache()) ? readdirSync(cache()).sort() : []);

function write(path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

function run(withEsbuild = true): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const entry = pathToFileURL(join(root, 'src/main.ts')).href;
  const script = `const { importSource } = await import(${JSON.stringify(LOADER)}); await importSource(new URL(${JSON.stringify(entry)}), { root: ${JSON.stringify(withEsbuild ? root : join(root, 'bare'))} });`;
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('close', (code) => done({ stdout, stderr, code }));
  });
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'newsbrief-bundle-'));
  mkdirSync(join(root, 'node_modules'));
  symlinkSync(join(PROJECT, 'node_modules', 'esbuild'), join(root, 'node_modules', 'esbuild'));
  write('package.json', '{ "type": "module" }');
  write('src/main.ts', "import { greeting } from './greeting.ts';\nconst later = await import('./later.ts');\nconsole.log(`${greeting} ${later.word}`);\n");
  write('src/greeting.ts', "export const greeting: string = 'hello';\n");
  write('src/later.ts', "export const word = 'world';\n");
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the bin runs the TypeScript sources from a bundle', () => {
  it('builds one bundle for a version of the sources and runs from it again without rebuilding', async () => {
    expect((await run()).stdout.trim()).toBe('hello world');
    const [first] = bundles();
    expect(first).toMatch(/^src_main-[0-9a-f]{16}$/);
    const files = readdirSync(join(cache(), first!));
    expect(files).toContain('main.mjs');
    // A dynamic import stays one: a chunk of its own, read when it is imported.
    expect(files.some((file) => /^later-\w+\.mjs$/.test(file))).toBe(true);
    expect((await run()).stdout.trim()).toBe('hello world');
    expect(bundles()).toEqual([first]);
  });

  it('builds a new bundle when a source changes, and marks the older one superseded', async () => {
    await run();
    const [older] = bundles();
    write('src/greeting.ts', "export const greeting: string = 'goodbye';\n");
    expect((await run()).stdout.trim()).toBe('goodbye world');
    expect(bundles()).toHaveLength(2);
    expect(readdirSync(join(cache(), older!))).toContain('superseded');
  });

  it('removes a bundle an hour after it was superseded, and keeps a recently superseded one', async () => {
    await run();
    const [oldest] = bundles();
    write('src/greeting.ts', "export const greeting = 'hi';\n");
    await run();
    const hourAgo = new Date(Date.now() - 61 * 60 * 1000);
    utimesSync(join(cache(), oldest!, 'superseded'), hourAgo, hourAgo);
    const recent = bundles().find((name) => name !== oldest)!;
    write('src/greeting.ts', "export const greeting = 'hey';\n");
    expect((await run()).stdout.trim()).toBe('hey world');
    expect(bundles()).not.toContain(oldest);
    expect(bundles()).toContain(recent);
  });

  it('takes a superseded bundle back when the sources return to its version', async () => {
    // A whole second: a file's own time may be finer than utimes can set back.
    const greeting = join(root, 'src/greeting.ts');
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    utimesSync(greeting, mtime, mtime);
    await run();
    const [first] = bundles();
    write('src/greeting.ts', "export const greeting = 'hi';\n");
    await run();
    expect(readdirSync(join(cache(), first!))).toContain('superseded');
    write('src/greeting.ts', "export const greeting: string = 'hello';\n");
    utimesSync(greeting, mtime, mtime);
    expect((await run()).stdout.trim()).toBe('hello world');
    expect(bundles()).toHaveLength(2);
    expect(readdirSync(join(cache(), first!))).not.toContain('superseded');
  });

  it('leaves the bundles of other entries alone', async () => {
    write('src/other.ts', "console.log('other');\n");
    const other = pathToFileURL(join(root, 'src/other.ts')).href;
    const script = `const { importSource } = await import(${JSON.stringify(LOADER)}); await importSource(new URL(${JSON.stringify(other)}), { root: ${JSON.stringify(root)} });`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
    write('src/greeting.ts', "export const greeting = 'hi';\n");
    await run();
    const otherBundle = bundles().find((name) => name.startsWith('src_other-'))!;
    expect(readdirSync(join(cache(), otherBundle))).not.toContain('superseded');
  });

  it('gives each module its source file’s URL, dirname and filename, so files beside the sources are found', async () => {
    write('src/data/words.txt', 'from a data file');
    write('src/main.ts', "import { readFileSync } from 'node:fs';\nimport { join } from 'node:path';\nconst url = readFileSync(new URL('./data/words.txt', import.meta.url), 'utf8');\nconst dir = readFileSync(join(import.meta.dirname, 'data/words.txt'), 'utf8');\nconsole.log(`${url}; ${dir}; ${import.meta.filename.endsWith('main.ts')}`);\n");
    expect((await run()).stdout.trim()).toBe('from a data file; from a data file; true');
  });

  it('names the .ts file and line in a stack trace', async () => {
    write('src/main.ts', "function fail(): never {\n  throw new Error('broken');\n}\nfail();\n");
    const { stderr, code } = await run();
    expect(code).not.toBe(0);
    expect(stderr).toContain(`${join(root, 'src', 'main.ts')}:2`);
  });

  it('lets three processes that start together on new sources all run, from one bundle', async () => {
    const results = await Promise.all([run(), run(), run()]);
    for (const { stdout } of results) expect(stdout.trim()).toBe('hello world');
    expect(bundles()).toHaveLength(1);
  });

  it('runs the sources through tsx, saying why, when the cache cannot be written', async () => {
    // A file where the cache directory should be: as unwritable as a read-only install.
    mkdirSync(join(root, 'node_modules', '.cache'));
    writeFileSync(cache(), '');
    const { stdout, stderr } = await run();
    expect(stdout.trim()).toBe('hello world');
    expect(stderr).toMatch(/running the TypeScript sources through tsx \(could not bundle them: .*(ENOTDIR|EEXIST)/);
  });

  it('runs the sources through tsx, saying why, when esbuild is not installed', async () => {
    // A root with no node_modules/esbuild: the sources are still the ones in src/.
    mkdirSync(join(root, 'bare'));
    symlinkSync(join(root, 'src'), join(root, 'bare', 'src'));
    const { stdout, stderr } = await run(false);
    expect(stdout.trim()).toBe('hello world');
    expect(stderr).toContain('running the TypeScript sources through tsx (could not bundle them: esbuild is not installed)');
  });
});
