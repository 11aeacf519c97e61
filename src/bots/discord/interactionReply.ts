import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { Reply } from '../../core/reply.ts';
import { renderReply, type DiscordMessage } from './render.ts';

const flagsFor = (reply: Reply) => (reply.ephemeral ? MessageFlags.Ephemeral : undefined);

/**
 * Answers an interaction that has not been acknowledged yet: one `reply`, then follow-ups
 * for the rest of a long answer (follow-ups are webhook posts, not acknowledgements).
 */
export async function replyAtOnce(interaction: ChatInputCommandInteraction, reply: Reply): Promise<void> {
  const [first, ...rest] = renderReply(reply);
  const flags = flagsFor(reply);
  await interaction.reply({ ...toOptions(first!), ...(flags ? { flags } : {}) });
  for (const message of rest) await interaction.followUp({ ...toOptions(message), ...(flags ? { flags } : {}) });
}

/**
 * Completes a deferred interaction. The defer was public (most answers are for the channel);
 * an ephemeral Reply (an error, "not available yet") must not stay public, so the placeholder
 * is deleted and the Reply goes out as an ephemeral follow-up instead.
 */
export async function replyAfterDefer(interaction: ChatInputCommandInteraction, reply: Reply): Promise<void> {
  const [first, ...rest] = renderReply(reply);
  if (reply.ephemeral) {
    await interaction.deleteReply();
    for (const message of [first!, ...rest]) await interaction.followUp({ ...toOptions(message), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.editReply(toOptions(first!));
  for (const message of rest) await interaction.followUp(toOptions(message));
}

function toOptions(message: DiscordMessage) {
  return { content: message.content ?? '', embeds: message.embeds, allowedMentions: { parse: [] as const, roles: [], users: [] } };
}
