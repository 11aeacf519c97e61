import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import type { ChannelRef, UserRef } from '../../core/commands/command.ts';

/** Who may change shared state, in Discord's words, for refusals. */
export const ADMIN_HINT = 'the Manage Server permission';

/** The channel a command came from: the scope for topics, subscriptions and digests. */
export function channelOf(interaction: BaseInteraction): ChannelRef {
  const channel = interaction.channel;
  const name = channel && 'name' in channel && typeof channel.name === 'string' ? `#${channel.name}` : undefined;
  return {
    platform: 'discord',
    workspace: interaction.guildId ?? 'dm',
    channel: interaction.channelId ?? `dm-${interaction.user.id}`,
    ...(name ? { channelName: name } : {}),
  };
}

/**
 * Manage Server (or Administrator, which `has` counts by default) makes a member an admin.
 * The permissions come with the interaction, computed by Discord for this channel; in a DM
 * there are none, so nobody is an admin there.
 */
export function userOf(interaction: BaseInteraction): UserRef {
  return {
    id: interaction.user.id,
    isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    adminHint: ADMIN_HINT,
  };
}
