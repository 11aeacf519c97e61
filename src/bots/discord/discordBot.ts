import { Client, Events, GatewayIntentBits, REST, type ClientOptions } from 'discord.js';
import type { Logger } from 'pino';
import type { ChannelRef } from '../../core/commands/command.ts';
import type { Core } from '../../core/core.ts';
import { coreLookups, type AutocompleteSources } from './autocomplete.ts';
import { DiscordDelivery } from './discordDelivery.ts';
import { handleInteraction, type InteractionDeps } from './interactionHandler.ts';

export interface DiscordBotOptions {
  readonly core: Core;
  readonly logger: Logger;
  readonly token: string;
  /** REST base without `/v10` (DISCORD_API_URL); the gateway URL then comes from its /gateway/bot. */
  readonly apiUrl?: string | undefined;
  readonly sources?: AutocompleteSources;
  readonly run?: InteractionDeps['run'];
  /** The role to ping above policy alerts in a channel (core.channelSettings), for the delivery port. */
  readonly alertRoleFor?: (channel: ChannelRef) => string | undefined;
  /** How long to wait for READY before giving up on start (ms). */
  readonly readyTimeoutMs?: number;
}

export interface DiscordBot {
  readonly client: Client;
  readonly delivery: DiscordDelivery;
  /** "newsbrief#0 in 3 servers", for the start-up banner. */
  readonly summary: string;
  stop(): Promise<void>;
}

/** REST options shared by the bot and the CLI: only the base URL differs from discord.js's defaults. */
export const restOptions = (apiUrl: string | undefined): Partial<ClientOptions['rest']> => (apiUrl ? { api: apiUrl.replace(/\/+$/, '') } : {});

/** A REST client for one-off calls (command registration) without opening a gateway session. */
export const restClient = (token: string, apiUrl: string | undefined): REST => new REST(restOptions(apiUrl)).setToken(token);

/**
 * Connects to the gateway with the Guilds intent only (no privileged intents: slash commands
 * need none) and answers `/brief` interactions. Reconnecting and resuming are discord.js's
 * own; we only log them.
 */
export async function startDiscordBot(options: DiscordBotOptions): Promise<DiscordBot> {
  const { core, logger } = options;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: restOptions(options.apiUrl), allowedMentions: { parse: [] } });
  const deps: InteractionDeps = { core, logger, sources: options.sources ?? coreLookups(core), ...(options.run ? { run: options.run } : {}) };
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, deps));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord: client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'discord: warning'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, 'discord: gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'discord: reconnecting to the gateway'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'discord: gateway session resumed'));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Discord did not report ready in time; check DISCORD_TOKEN and the network.')), options.readyTimeoutMs ?? 30_000);
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  try {
    await client.login(options.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  const delivery = new DiscordDelivery(client.rest, logger, options.alertRoleFor ? { alertRoleFor: options.alertRoleFor } : {});
  return {
    client,
    delivery,
    summary: `${client.user?.tag ?? 'bot'} in ${client.guilds.cache.size} server${client.guilds.cache.size === 1 ? '' : 's'}`,
    stop: () => client.destroy(),
  };
}
