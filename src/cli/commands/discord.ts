import type { Command } from 'commander';
import type { Registration } from '../../bots/discord/index.ts';
import type { Config } from '../../core/config/config.ts';
import { UserFacingError } from '../../core/result.ts';
import { printResult } from '../output.ts';
import { loadCliConfig, withRuntime, type GlobalOptions } from '../runtime.ts';

/** `newsbrief discord register [--guild <id>]`: publish the slash commands (idempotent). */
export function registerDiscord(program: Command): void {
  const discord = program.command('discord').description('Discord: register the /brief slash commands, choose the alert role per channel');
  discord
    .command('register')
    .description('register /brief and /brief-admin (in one server with --guild, instantly; else globally); running it again changes nothing')
    .option('--guild <id>', 'a server (guild) id, for testing: commands appear there at once')
    .option('--json', 'print JSON: {scope, guildId?, commands:[{id,name}]}')
    .action(async (options: { guild?: string }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const registration = await registerSlashCommands(loadCliConfig(globals), options.guild);
      printResult(globals.json, registration, () =>
        `Registered ${registration.commands.map((c) => `/${c.name}`).join(' and ')} ${registration.scope === 'guild' ? `in server ${registration.guildId} (visible now)` : 'globally (may take up to an hour to appear)'}.`,
      );
    });
  discord
    .command('alert-role')
    .description('the role pinged above policy alerts in one channel (digests and answers never ping); shows it without --role or --clear')
    .requiredOption('--guild <id>', 'the server (guild) id')
    .requiredOption('--channel <id>', 'the channel id')
    .option('--role <id>', 'the role id to ping (Developer Mode → Copy Role ID)')
    .option('--clear', 'ping nobody above alerts in this channel')
    .option('--json', 'print JSON: {guild, channel, role}')
    .action(async (options: { guild: string; channel: string; role?: string; clear?: boolean }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      await withRuntime(globals, ({ core }) => {
        const channel = { platform: 'discord', workspace: options.guild, channel: options.channel } as const;
        if (options.role !== undefined || options.clear) {
          const set = core.channelSettings.setAlertRole(channel, options.clear ? undefined : options.role);
          if (!set.ok) throw new UserFacingError(set.error.code, set.error.message);
        }
        const role = core.channelSettings.alertRole(channel) ?? null;
        printResult(globals.json, { guild: options.guild, channel: options.channel, role }, () =>
          role ? `Policy alerts in channel ${options.channel} ping role ${role}.` : `Policy alerts in channel ${options.channel} ping nobody.`,
        );
      });
    });
}

/** The work behind `discord register`, with every refusal as a message that says what to do. */
export async function registerSlashCommands(config: Config, guild: string | undefined): Promise<Registration> {
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    throw new UserFacingError('discord/not-configured', 'Set DISCORD_TOKEN and DISCORD_APPLICATION_ID in .env (Developer Portal → your app → Bot / General Information), then run this again.');
  }
  if (guild !== undefined && !/^\d{5,25}$/.test(guild)) {
    throw new UserFacingError('discord/bad-guild', `"${guild.slice(0, 40)}" is not a server id: copy it with Developer Mode on (right-click the server → Copy Server ID).`);
  }
  // Loaded here, not at the top: discord.js costs about a second of start-up every other command should not pay.
  const { registerCommands, restClient } = await import('../../bots/discord/index.ts');
  const rest = restClient(config.DISCORD_TOKEN, config.DISCORD_API_URL);
  return registerCommands(rest, config.DISCORD_APPLICATION_ID, guild).catch((error: unknown) => {
    throw new UserFacingError('discord/register-failed', `Discord refused the registration: ${(error as Error).message}`, { cause: error });
  });
}
