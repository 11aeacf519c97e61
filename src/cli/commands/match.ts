import type { Command } from 'commander';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { createLogger } from '../../core/logger.ts';
import { loadTopicsFile } from '../../core/topics/defaultTopics.ts';
import { matchLineBatch } from '../../core/topics/itemLines.ts';
import { inOrder, MATCH_BATCH, MatchPool, type MatchedLines } from '../../core/topics/matchPool.ts';
import { parseQuery } from '../../core/topics/queryParser.ts';
import { TopicIndex } from '../../core/topics/topicIndex.ts';
import { tokenizeFields } from '../../core/topics/tokenize.ts';
import { UserFacingError } from '../../core/result.ts';
import type { GlobalOptions } from '../runtime.ts';

/** The topics of a file, in its order: ids as written, and their queries. */
interface Topics {
  readonly ids: readonly (string | number)[];
  readonly queries: readonly string[];
}

/** Numbered input lines, in batches for the workers. */
interface LineBatch {
  readonly lines: string[];
  readonly firstLine: number;
}

/**
 * Lines matched on this thread before worker threads start: starting them (bundling their
 * code, each building its index and learning which of its words are rare) costs more than
 * the first few thousand items take here.
 */
const POOL_FROM = 5000;

/**
 * Reads a topics file. Any bad entry refuses the whole run: matching with a topic missing
 * would print results that look right and are not.
 */
function loadTopics(file: string): Topics {
  // Any id goes here (the caller's own names, even numbers); they come back as written.
  const loaded = loadTopicsFile(file, false);
  if (!loaded.ok) throw new UserFacingError(loaded.error.code, loaded.error.message);
  const { topics, errors } = loaded.value;
  if (errors.length > 0) {
    for (const error of errors) process.stderr.write(`newsbrief: ${error.message}\n`);
    throw new UserFacingError('topics/bad-file', `${file}: ${errors.length} of ${topics.length + errors.length} topics are not valid (above); nothing was matched.`);
  }
  return { ids: topics.map((topic) => topic.rawId), queries: topics.map((topic) => topic.query) };
}

function indexOf(topics: Topics): TopicIndex<string | number> {
  const index = new TopicIndex<string | number>();
  topics.queries.forEach((query, i) => {
    const parsed = parseQuery(query);
    if (parsed.ok) index.add(topics.ids[i]!, parsed.value);
  });
  return index;
}

async function* lineBatches(): AsyncGenerator<LineBatch> {
  let batch: LineBatch = { lines: [], firstLine: 1 };
  let lineNumber = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    batch.lines.push(line);
    if (++lineNumber % MATCH_BATCH === 0) {
      yield batch;
      batch = { lines: [], firstLine: lineNumber + 1 };
    }
  }
  if (batch.lines.length > 0) yield batch;
}

/**
 * Every batch's results, in order: on this thread for the first POOL_FROM lines, then, when
 * more come and `threads` allows, in a MatchPool. Both print the same lines.
 */
async function* matchedBatches(topics: Topics, threads: number, json: boolean): AsyncGenerator<MatchedLines> {
  const index = indexOf(topics);
  const batches = lineBatches();
  let lines = 0;
  while (threads < 2 || lines < POOL_FROM) {
    const next = await batches.next();
    if (next.done) return;
    yield matchLineBatch(next.value.lines, next.value.firstLine, json, (fields) => index.match(tokenizeFields(fields)));
    lines += next.value.lines.length;
  }
  const pool = new MatchPool(topics, createLogger(), threads);
  try {
    yield* inOrder(batches, ({ lines, firstLine }) => pool.matchLines(lines, firstLine, json), threads * 2);
  } finally {
    await pool.close();
  }
}

function threadsOption(value: string): number {
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UserFacingError('match/bad-threads', `--threads must be a whole number from 1 to 64, not "${value}".`);
  return threads;
}

/**
 * `newsbrief match --topics topics.json --json < items.jsonl`: one output line per item,
 * `{"id","topics":[…]}` with topic ids in the file's order. Needs no database; streams, so
 * any number of items works in constant memory; a long stream is matched on every core
 * (MatchPool). A line that is not an item is reported on stderr with its number and skipped
 * (exit code 1 at the end). A topics file with any bad entry is refused before reading stdin
 * (exit code 1, each entry named on stderr).
 */
export function registerMatch(program: Command): void {
  program
    .command('match')
    .description('match JSON-lines items {id,title,summary?,content?} on stdin against a topics file [{id,query}]')
    .requiredOption('--topics <file>', 'topics file: [{"id","query"}]')
    .option('--threads <n>', `threads for a stream of more than ${POOL_FROM} items (default: one per core)`)
    .option('--json', 'print JSON lines')
    .action(async (options: { topics: string; threads?: string }, cmd: Command) => {
      const { json } = cmd.optsWithGlobals<GlobalOptions>();
      const threads = options.threads === undefined ? availableParallelism() : threadsOption(options.threads);
      const topics = loadTopics(options.topics);
      let outputError: NodeJS.ErrnoException | undefined;
      process.stdout.on('error', (error: NodeJS.ErrnoException) => (outputError ??= error));
      for await (const { output, skipped } of matchedBatches(topics, threads, json === true)) {
        if (outputError) break;
        if (skipped.length > 0) {
          process.stderr.write(skipped.join(''));
          process.exitCode = 1;
        }
        // Waiting for a slow reader keeps memory flat: results do not pile up unwritten.
        // (The wait ends with an error when the reader goes; outputError holds it.)
        if (!process.stdout.write(output)) await once(process.stdout, 'drain').catch(() => undefined);
      }
      if (outputError) stoppedWriting(outputError);
    });
}

/**
 * The reader of stdout went away (`newsbrief match … | head`): stop there, quietly, as other
 * command-line tools do; there is no one left to give the rest to. Any other write error is one.
 */
function stoppedWriting(error: NodeJS.ErrnoException): void {
  process.stdin.destroy();
  if (error.code !== 'EPIPE') throw new UserFacingError('match/output', `could not write the results: ${error.message}`);
}
