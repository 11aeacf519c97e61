import type { Reply } from '../reply.ts';
import type { Command, CommandName } from './command.ts';
import type { CommandContext } from './context.ts';

export type Handler<N extends CommandName> = (
  command: Extract<Command, { name: N }>,
  context: CommandContext,
) => Reply | Promise<Reply>;

export type HandlerMap = { readonly [N in CommandName]: Handler<N> };

/** What a subcommand says while its feature is still being built: honest, not silent. */
export const notAvailableYet = (what: string): Reply => ({
  kind: 'info',
  title: 'Not available yet',
  sections: [{ text: `${what} is not available yet in this version of newsbrief.` }],
  ephemeral: true,
});
