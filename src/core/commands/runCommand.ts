import { errorReply, type Reply } from '../reply.ts';
import { requiresAdmin, type Command } from './command.ts';
import type { CommandContext } from './context.ts';
import { parseCommand } from './grammar.ts';
import type { Handler } from './handler.ts';
import { handlers } from './registry.ts';

/**
 * The single entry for every platform: text in (or an already-typed Command, as Discord's
 * options give), Reply out. Never throws: a bug becomes an error Reply and one log line.
 */
export async function runCommand(input: string | Command, context: CommandContext): Promise<Reply> {
  let command: Command;
  if (typeof input === 'string') {
    const parsed = parseCommand(input);
    if (!parsed.ok) {
      return errorReply('That command did not work', `${parsed.error.message}\nUsage: ${parsed.error.usage}`, { code: parsed.error.code, usage: parsed.error.usage });
    }
    command = parsed.value;
  } else {
    command = input;
  }
  if (requiresAdmin(command) && !context.user.isAdmin) {
    const who = context.user.adminHint ?? 'an admin of this workspace';
    return errorReply('Only admins can do that', `Changing ${command.name === 'subscribe' || command.name === 'unsubscribe' ? 'subscriptions' : command.name} needs ${who}. Ask one of them, or use /brief ${command.name === 'topics' || command.name === 'feeds' ? `${command.name} list` : 'status'} to look.`, { code: 'commands/not-admin' });
  }
  try {
    const handler = handlers[command.name] as Handler<typeof command.name>;
    return await handler(command as never, context);
  } catch (error) {
    context.core.logger.error({ err: error, command: command.name }, 'command failed');
    return errorReply('Something went wrong', `newsbrief could not finish "/brief ${command.name}". The error was logged; try again in a moment.`, { code: 'commands/internal' });
  }
}
