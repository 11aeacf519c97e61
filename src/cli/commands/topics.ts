import type { Command } from 'commander';
import { localContext } from '../../core/commands/context.ts';
import type { Command as BriefCommand } from '../../core/commands/command.ts';
import { topicTestReply } from '../../core/commands/handlers/topics.ts';
import { runCommand } from '../../core/commands/runCommand.ts';
import type { Reply } from '../../core/reply.ts';
import { printReply } from '../output.ts';
import { withRuntime, type GlobalOptions } from '../runtime.ts';
import { wholeNumber } from '../wholeNumber.ts';

/**
 * `newsbrief topics list|add|remove|test`. The CLI is the operator on the local channel
 * (cli/local/local): it follows the default topics (data/topics.json) until its first add or
 * remove gives it its own list, exactly like a chat channel. list/add/remove go through the
 * same /brief command a chat user types.
 */
export function registerTopics(program: Command): void {
  const topics = program.command('topics').description('the topics the local channel follows, and previews of new ones');
  const run = (command: BriefCommand | ((core: Parameters<typeof topicTestReply>[0]) => Reply), cmd: Command) => {
    const globals = cmd.optsWithGlobals<GlobalOptions>();
    return withRuntime(globals, async ({ core }) => {
      const reply = typeof command === 'function' ? command(core) : await runCommand(command, localContext(core));
      printReply(globals.json, reply);
      if (reply.kind === 'error') process.exitCode = 1;
    });
  };
  topics
    .command('list')
    .description('the topics followed here (the defaults until the first add or remove)')
    .option('--json', 'print JSON')
    .action((_options: unknown, cmd: Command) => run({ name: 'topics', action: 'list' }, cmd));
  topics
    .command('add')
    .description('follow a topic, or change the query of one: topics add strikes \'ATACMS OR "Storm Shadow"\'')
    .argument('<id>', 'a name: 1–64 lower-case letters, digits, - or _')
    .argument('<query...>', 'the topic query: words, "phrases", AND, OR, NOT or -, ( ), prefix*')
    .option('--json', 'print JSON')
    // A query may start with - ("-Crimea ATACMS"): part of it, not an unknown option.
    .allowUnknownOption()
    .action((id: string, query: string[], _options: unknown, cmd: Command) => run({ name: 'topics', action: 'add', topic: id, query: query.join(' ') }, cmd));
  topics
    .command('remove')
    .description('stop following a topic')
    .argument('<id>', 'the topic name')
    .option('--json', 'print JSON')
    .action((id: string, _options: unknown, cmd: Command) => run({ name: 'topics', action: 'remove', topic: id }, cmd));
  topics
    .command('test')
    .description('which stored articles a query would match, newest first (nothing is saved)')
    .argument('<query...>', 'the topic query')
    .option('--limit <n>', 'how many articles to show (1 to 1,000)', wholeNumber('--limit', 1000), 10)
    .option('--json', 'print JSON')
    .allowUnknownOption()
    .action((query: string[], options: { limit: number }, cmd: Command) => run((core) => topicTestReply(core, query.join(' '), options.limit), cmd));
}
