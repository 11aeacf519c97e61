import type { Command } from 'commander';
import { localContext } from '../../core/commands/context.ts';
import { runCommand } from '../../core/commands/runCommand.ts';
import { printReply } from '../output.ts';
import { withRuntime, type GlobalOptions } from '../runtime.ts';

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('find articles in the corpus (plain words; no query syntax needed)')
    .argument('<query...>', 'words to look for')
    .option('--json', 'print JSON')
    // Text that starts with - ("-Crimea ATACMS") is part of it, not an unknown option.
    .allowUnknownOption()
    .action(async (words: string[], _options: unknown, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      await withRuntime(globals, async ({ core }) => {
        printReply(globals.json, await runCommand({ name: 'search', query: words.join(' ') }, localContext(core)));
      });
    });
}
