import type { AutocompleteInteraction, ChatInputCommandInteraction, Interaction } from 'discord.js';
import type { Logger } from 'pino';
import { requiresAdmin, type Command } from '../../core/commands/command.ts';
import type { CommandContext } from '../../core/commands/context.ts';
import { parseCommand } from '../../core/commands/grammar.ts';
import { runCommand } from '../../core/commands/runCommand.ts';
import type { Core } from '../../core/core.ts';
import type { Reply } from '../../core/reply.ts';
import { suggest, type AutocompleteSources } from './autocomplete.ts';
import { interactionInput } from './interactionCommand.ts';
import { channelOf, userOf } from './interactionContext.ts';
import { replyAfterDefer, replyAtOnce } from './interactionReply.ts';
import { BRIEF, BRIEF_ADMIN } from './slashCommands.ts';

export interface InteractionDeps {
  readonly core: Core;
  readonly logger: Logger;
  readonly sources: AutocompleteSources;
  /** The core's single entry; injectable so a test can stand in for a feature not built yet. */
  readonly run?: (input: string | Command, context: CommandContext) => Promise<Reply>;
}

/** Routes one gateway interaction; never throws (a failure is logged once, here). */
export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  try {
    if (interaction.isChatInputCommand() && isOurs(interaction.commandName)) await handleChatInput(interaction, deps);
    else if (interaction.isAutocomplete() && isOurs(interaction.commandName)) await handleAutocomplete(interaction, deps);
  } catch (error) {
    deps.logger.error({ err: error, interaction: interaction.id }, 'discord: could not answer an interaction');
  }
}

const isOurs = (name: string) => name === BRIEF || name === BRIEF_ADMIN;

/**
 * Answers within Discord's 3 seconds: help, refusals and bad arguments are immediate and
 * ephemeral; anything that reads the corpus or the network is deferred first, then the
 * deferred reply is edited. Exactly one acknowledgement either way.
 */
async function handleChatInput(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  const run = deps.run ?? runCommand;
  const context: CommandContext = { core: deps.core, channel: channelOf(interaction), user: userOf(interaction) };
  const input = interactionInput({
    root: interaction.commandName,
    group: interaction.options.getSubcommandGroup(false),
    subcommand: interaction.options.getSubcommand(false),
    option: (name) => interaction.options.getString(name),
  });
  const parsed = typeof input === 'string' ? parseCommand(input) : { ok: true as const, value: input };
  if (!parsed.ok || answersAtOnce(parsed.value, context)) {
    await replyAtOnce(interaction, await run(input, context));
    return;
  }
  await interaction.deferReply();
  await replyAfterDefer(interaction, await run(parsed.value, context));
}

/** Help reads nothing; a refused admin command is decided from the member's rights alone. */
function answersAtOnce(command: Command, context: CommandContext): boolean {
  return command.name === 'help' || (requiresAdmin(command) && !context.user.isAdmin);
}

async function handleAutocomplete(interaction: AutocompleteInteraction, deps: InteractionDeps): Promise<void> {
  const focused = interaction.options.getFocused(true);
  await interaction.respond(suggest(focused.name, String(focused.value), channelOf(interaction), deps.sources));
}
