import { slackSettingsFrom } from '../bots/slack/slackSettings.ts';
import type { Runtime } from './runtime.ts';
import type { Service } from './services.ts';

/**
 * Slack, on when SLACK_BOT_TOKEN is set with SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN
 * (Socket Mode, preferred when both are set: no public URL needed). While it runs, the outbox
 * delivers `slack` channels through its port.
 */
export const slackService: Service = {
  name: 'slack',
  wanted: ({ config }) => {
    const { settings, reason } = slackSettingsFrom(config);
    if (!settings) return { on: false, reason: `${reason ?? 'not configured'} (see README, "Slack")` };
    return { on: true, detail: settings.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${settings.port}` };
  },
  async start(runtime: Runtime) {
    const { config, core, logger } = runtime;
    const { settings, reason } = slackSettingsFrom(config);
    if (!settings) throw new Error(reason ?? 'Slack is not configured');
    // Bolt is loaded only when Slack is on: every other command starts faster without it.
    const { createSlackAdapter } = await import('../bots/slack/index.ts');
    const adapter = createSlackAdapter({ core, settings, logger, onAck: (timing) => logger.debug({ ackMs: Math.round(timing.ms), mode: timing.mode }, 'slack ack') });
    const started = await adapter.start();
    const unregister = core.delivery.ports.register(adapter.delivery);
    return {
      summary: settings.mode === 'socket' ? 'Socket Mode connected' : `HTTP on port ${started.port ?? settings.port}, slash commands at /slack/events`,
      async stop() {
        unregister();
        await adapter.stop();
      },
    };
  },
};
