import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import { loadTopicsFile } from '../../core/topics/defaultTopics.ts';
import { parseQuery } from '../../core/topics/queryParser.ts';
import { TopicIndex } from '../../core/topics/topicIndex.ts';
import { tokenizeFields } from '../../core/topics/tokenize.ts';
import { UserFacingError } from '../../core/result.ts';
import type { GlobalOptions } from '../runtime.ts';

interface Item {
  readonly id: unknown;
  readonly title?: unknown;
  readonly summary?: unknown;
  readonly content?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Builds the index from a topics file. Any bad entry refuses the whole run: matching with a
 * topic missing would print results that look right and are not.
 */
function loadIndex(file: string): TopicIndex<string | number> {
  // Any id goes here (the caller's own names, even numbers); they come back as written.
  const loaded = loadTopicsFile(file, false);
  if (!loaded.ok) throw new UserFacingError(loaded.error.code, loaded.error.message);
  const { topics, errors } = loaded.value;
  if (errors.length > 0) {
    for (const error of errors) process.stderr.write(`newsbrief: ${error.message}\n`);
    throw new UserFacingError('topics/bad-file', `${file}: ${errors.length} of ${topics.length + errors.length} topics are not valid (above); nothing was matched.`);
  }
  const index = new TopicIndex<string | number>();
  for (const topic of topics) {
    const parsed = parseQuery(topic.query);
    if (parsed.ok) index.add(topic.rawId, parsed.value);
  }
  return index;
}

/**
 * `newsbrief match --topics topics.json --json < items.jsonl`: one output line per item,
 * `{"id","topics":[…]}` with topic ids in the file's order. Needs no database; streams, so
 * any number of items works in constant memory. A line that is not an item is reported on
 * stderr with its number and skipped (exit code 1 at the end). A topics file with any bad
 * entry is refused before reading stdin (exit code 1, each entry named on stderr).
 */
export function registerMatch(program: Command): void {
  program
    .command('match')
    .description('match JSON-lines items {id,title,summary?,content?} on stdin against a topics file [{id,query}]')
    .requiredOption('--topics <file>', 'topics file: [{"id","query"}]')
    .option('--json', 'print JSON lines')
    .action(async (options: { topics: string }, cmd: Command) => {
      const { json } = cmd.optsWithGlobals<GlobalOptions>();
      const index = loadIndex(options.topics);
      let lineNumber = 0;
      for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
        lineNumber++;
        if (!line.trim()) continue;
        let item: Item;
        try {
          // A BOM can only open the stream; JSON.parse refuses it.
          item = JSON.parse(lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line) as Item;
        } catch {
          process.stderr.write(`newsbrief: line ${lineNumber}: not JSON; skipped\n`);
          process.exitCode = 1;
          continue;
        }
        if (typeof item !== 'object' || item === null || item.id === undefined || item.id === null) {
          process.stderr.write(`newsbrief: line ${lineNumber}: an item needs an "id"; skipped\n`);
          process.exitCode = 1;
          continue;
        }
        const topics = index.match(tokenizeFields([text(item.title), text(item.summary), text(item.content)]));
        process.stdout.write(json ? `${JSON.stringify({ id: item.id, topics })}\n` : `${String(item.id)}\t${topics.join(', ')}\n`);
      }
    });
}
