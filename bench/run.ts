/**
 * `npm run bench [-- <suite>] [--json] [--articles N]`: each suite prints one JSON object
 * (with --json), or a readable table. With no suite named, every suite runs and the JSON is
 * one object keyed by suite. Suites live in bench/suites/<name>.ts and export `run`.
 */
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
const results: Record<string, unknown> = {};
for (const name of chosen) {
  const suite = await suites[name]!();
  const result = await suite({ json, articles, args: argv });
  results[name] = result;
  if (!json) {
    console.log(`\n== ${name}`);
    console.table(result);
  }
}
if (json) console.log(JSON.stringify(chosen.length === 1 ? results[chosen[0]!] : results, null, 2));
