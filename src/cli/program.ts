import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerAsk } from './commands/ask.ts';
import { registerCorpus } from './commands/corpus.ts';
import { registerDiscord } from './commands/discord.ts';
import { registerFeeds } from './commands/feeds.ts';
import { registerDigest } from './commands/digest.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerPoll } from './commands/poll.ts';
import { registerPolicy } from './commands/policy.ts';
import { registerOutbox } from './commands/outbox.ts';
import { registerSearch } from './commands/search.ts';
import { registerMatch } from './commands/match.ts';
import { registerStart } from './commands/start.ts';
import { registerTopics } from './commands/topics.ts';

/** The version in package.json, read where the CLI runs from (no build step copies it). */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return manifest.version ?? 'unknown';
}

/** The `newsbrief` command line; each command group registers itself from its own file. */
export function buildProgram(): Command {
  const program = new Command('newsbrief')
    .description('Follow one policy story across many outlets: answers, digests and alerts.')
    .option('--db <path>', 'SQLite database file (default data/newsbrief.db, or NEWSBRIEF_DB)')
    .option('--json', 'print one JSON document on stdout (logs go to stderr)')
    .version(packageVersion(), '-V, --version', 'print the version')
    .showSuggestionAfterError(true)
    .enablePositionalOptions(false);
  registerStart(program);
  registerIngest(program);
  registerSearch(program);
  registerAsk(program);
  registerPolicy(program);
  registerCorpus(program);
  registerDiscord(program);
  registerFeeds(program);
  registerPoll(program);
  registerDigest(program);
  registerOutbox(program);
  registerTopics(program);
  registerMatch(program);
  return program;
}

export { CommanderError };
