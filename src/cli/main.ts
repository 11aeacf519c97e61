import { CommanderError, type Command } from 'commander';
import { UserFacingError } from '../core/result.ts';
import { buildProgram } from './program.ts';

/** Bad usage exits 2 with one line of reason and the usage; other failures exit 1. */
function configure(command: Command): void {
  command.exitOverride();
  command.configureOutput({
    writeErr: (text) => process.stderr.write(text),
    outputError: (text, write) => write(text.split('\n')[0] + '\n'),
  });
  command.commands.forEach(configure);
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  configure(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return 0;
      process.stderr.write(`usage: ${usageFor(program, argv)}\n`);
      return 2;
    }
    if (error instanceof UserFacingError) {
      process.stderr.write(`newsbrief: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`newsbrief: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

function usageFor(program: Command, argv: string[]): string {
  const words = argv.slice(2).filter((w) => !w.startsWith('-'));
  let command = program;
  for (const word of words) {
    // Option values (a --db path) are not command names: skip them.
    const sub = command.commands.find((c) => c.name() === word);
    if (sub) command = sub;
  }
  const path: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) path.unshift(c.name());
  return `${path.join(' ')} ${command.usage()}`;
}

process.exitCode = await main(process.argv);
