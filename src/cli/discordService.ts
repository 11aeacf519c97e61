import type { Runtime } from './runtime.ts';
import type { Service } from './services.ts';

/**
 * Discord, on when DISCORD_TOKEN and DISCORD_APPLICATION_ID are set (config checks they come
 * together). While it runs, the outbox delivers `discord` channels through its port.
 */
export const discordService: Service = {
  name: 'discord',
  wanted: ({ config }) => (config.DISCORD_TOKEN && config.DISCORD_APPLICATION_ID ? { on: true } : { on: false, reason: 'set DISCORD_TOKEN and DISCORD_APPLICATION_ID to answer /brief in Discord' }),
  async start(runtime: Runtime) {
    const { config, core, logger } = runtime;
    // Loaded only when Discord is configured: discord.js costs about a second of start-up.
    const { startDiscordBot } = await import('../bots/discord/index.ts');
    const bot = await startDiscordBot({
      core,
      logger,
      token: config.DISCORD_TOKEN!,
      apiUrl: config.DISCORD_API_URL,
      alertRoleFor: (channel) => core.channelSettings.alertRole(channel),
    });
    const unregister = core.delivery.ports.register(bot.delivery);
    return {
      summary: `${bot.summary}; run "newsbrief discord register" once to publish /brief`,
      async stop() {
        unregister();
        await bot.stop();
      },
    };
  },
};
