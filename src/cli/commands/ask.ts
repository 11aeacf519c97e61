import type { Command } from 'commander';
import { localContext } from '../../core/commands/context.ts';
import { runCommand } from '../../core/commands/runCommand.ts';
import { printReply } from '../output.ts';
import { withRuntime, type GlobalOptions } from '../runtime.ts';

/** `newsbrief ask "<question>" [--json]`: with --json, exactly {question, answer, status, asOf, citations}. */
export function registerAsk(program: Command): void {
  program
    .command('ask')
    .description('answer a question from the corpus, quoting the sentences with their sources')
    .argument('<question...>', 'the question, in plain words (no query syntax needed)')
    .option('--json', 'print {question, answer, status, asOf, citations} as JSON')
    // Text that starts with - ("-Crimea ATACMS") is part of it, not an unknown option.
    .allowUnknownOption()
    .action(async (words: string[], _options: unknown, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      await withRuntime(globals, async ({ core }) => {
        printReply(globals.json, await runCommand({ name: 'ask', question: words.join(' ') }, localContext(core)));
      });
    });
}
