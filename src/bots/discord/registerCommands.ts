import { Routes, type REST } from 'discord.js';
import { slashCommandBodies } from './slashCommands.ts';

export interface Registration {
  readonly scope: 'global' | 'guild';
  readonly guildId?: string;
  readonly commands: readonly { readonly id: string; readonly name: string }[];
}

/**
 * Registers `/brief` and `/brief-admin` with one bulk-overwrite PUT: registering again
 * replaces the set with the same set, so it is idempotent. A guild registration shows up at
 * once (for testing); a global one is for production and may take a while to appear.
 */
export async function registerCommands(rest: REST, applicationId: string, guildId?: string): Promise<Registration> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const saved = (await rest.put(route, { body: slashCommandBodies() })) as { id: string; name: string }[];
  return {
    scope: guildId ? 'guild' : 'global',
    ...(guildId ? { guildId } : {}),
    commands: saved.map(({ id, name }) => ({ id, name })),
  };
}
