/**
 * `npm run bench [-- <suite>] [--json] [--articles N]`: each suite prints one JSON object
 * (with --json), or a readable table. With no suite named, every suite runs and the JSON is
 * one object keyed by suite, each suite run in a process of its own. Suites live in
 * bench/suites/<name>.ts and export `run`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { suites } from './suites/index.ts';

export interface BenchOptions {
  readonly json: boolean;
  readonly articles: number;
  readonly args: readonly string[];
}

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const articlesFlag = argv.indexOf('--articles');
const articles = articlesFlag >= 0 ? Number(argv[articlesFlag + 1]) : 100_000;
const named = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--articles');
const unknown = named.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(`unknown bench suite: ${unknown.join(', ')}; known: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
const chosen = named.length > 0 ? named : Object.keys(suites);

/**
 * Several suites run one process each: in one process, a suite's peak memory counted what the
 * suites before it left (the chat suites' SDKs, heap not yet given back): ingest reported
 * 401 MB after the others against 316–324 MB alone.
 */
async function runApart(name: string): Promise<unknown> {
  const flags = argv.filter((a, i) => a.startsWith('--') || argv[i - 1] === '--articles');
  const runTs = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, runTs, process.argv[1]!, name, ...flags], { stdio: ['ignore', json ? 'pipe' : 'inherit', 'inherit'] });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`bench suite ${name} failed (exit code ${code})`);
  return json ? JSON.parse(out) : undefined;
}

const results: Record<string, unknown> = {};
for (const name of chosen) {
  if (chosen.length > 1) {
    results[name] = await runApart(name);
    continue;
  }
  const suite = await suites[name]!();
  const result = await suite({ json, articles, args: argv });
  results[name] = result;
  if (!json) {
    console.log(`\n== ${name}`);
    // Nested figures (a suite's samples, its one-thread run) on one line each: console.table
    // would give every key of every nested object a column of its own.
    console.table(Object.fromEntries(Object.entries(result).map(([key, value]) => [key, typeof value === 'object' && value !== null ? JSON.stringify(value) : value])));
  }
}
if (json) console.log(JSON.stringify(chosen.length === 1 ? results[chosen[0]!] : results, null, 2));
