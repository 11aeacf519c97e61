import type { Command } from 'commander';
import type { GlobalOptions } from '../runtime.ts';

/** `newsbrief start` (what `npm start` runs): the bot, until Ctrl-C. Loaded when it runs (see withRuntime). */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run the bot: web chat, configured chat platforms, feed polling and schedules')
    .option('--demo', 'replay the corpus and a sample feed on a fast clock (throwaway database): an alert and a digest within a minute')
    .action(async (options: { demo?: boolean }, cmd: Command) => {
      const { startBot } = await import('../startBot.ts');
      await startBot(options, cmd.optsWithGlobals<GlobalOptions>());
    });
}
