import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { App, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Core } from '../../core/core.ts';
import { runCommand } from '../../core/commands/runCommand.ts';
import type { AckTiming, AdapterDeps, CommandRunner } from './adapterDeps.ts';
import { SlackAdminRights } from './adminRights.ts';
import { AnswerCache } from './answerCache.ts';
import { registerAppHome } from './appHome.ts';
import { boltLogger } from './boltLogger.ts';
import { registerBriefCommand } from './briefCommand.ts';
import { SlackDeliveryPort } from './deliveryPort.ts';
import { registerPostToChannel } from './postToChannel.ts';
import { startupError } from './slackErrors.ts';
import type { SlackSettings } from './slackSettings.ts';

export interface SlackAdapterOptions {
  readonly core: Core;
  readonly settings: SlackSettings;
  readonly logger?: Logger;
  /** Defaults to the core's `runCommand`. */
  readonly run?: CommandRunner;
  /** Merged into every WebClient (tests: fast retries). */
  readonly clientOptions?: webApi.WebClientOptions;
  readonly deliveryInlineRetryMaxMs?: number;
  readonly onAck?: (timing: AckTiming) => void;
}

export interface SlackAdapter {
  readonly app: App;
  readonly mode: 'http' | 'socket';
  /** For the outbox: posts and edits digests and alerts. */
  readonly delivery: SlackDeliveryPort;
  /** Connects (auth.test, then listen or open the socket). Returns the HTTP port in HTTP mode. */
  start(): Promise<{ readonly port?: number }>;
  stop(): Promise<void>;
}

/**
 * Slack calls in an interactive request must finish while the person waits: a couple of quick
 * retries, not the library's default of ten retries over thirty minutes.
 */
const INTERACTIVE_RETRIES: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2000 };

/** Builds the Bolt app for the configured transport and registers every listener. */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { settings, core } = options;
  const logger = (options.logger ?? core.logger).child({ adapter: 'slack' });
  // A fresh object per client: Socket Mode mutates the options it is given.
  const clientOptions = (retryConfig?: webApi.RetryOptions): webApi.WebClientOptions => ({
    ...(retryConfig ? { retryConfig } : {}),
    timeout: 15_000,
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    ...options.clientOptions,
    logger: boltLogger(logger),
  });
  const transport =
    settings.mode === 'socket'
      ? {
          socketMode: true,
          appToken: settings.appToken,
          // The Socket Mode client keeps its own patient retry policy for apps.connections.open:
          // when it gives up on a reconnect, the library rejects where nobody can catch it and
          // the whole process (web chat included) would stop.
          installerOptions: { clientOptions: clientOptions() },
        }
      : { signingSecret: settings.signingSecret, port: settings.port };
  const app = new App({ token: settings.botToken, ...transport, logger: boltLogger(logger), clientOptions: clientOptions(INTERACTIVE_RETRIES), deferInitialization: true });
  const deliveryClient = new webApi.WebClient(settings.botToken, { ...clientOptions(INTERACTIVE_RETRIES), rejectRateLimitedCalls: true });
  const delivery = new SlackDeliveryPort(deliveryClient, { logger, ...(options.deliveryInlineRetryMaxMs === undefined ? {} : { inlineRetryMaxMs: options.deliveryInlineRetryMaxMs }) });
  const deps: AdapterDeps = {
    core,
    run: options.run ?? runCommand,
    rights: new SlackAdminRights(app.client, settings.adminUsers, core.clock, logger),
    answers: new AnswerCache(),
    delivery,
    logger,
    mode: settings.mode,
    ...(options.onAck ? { onAck: options.onAck } : {}),
  };
  // First middleware: when the request reached us, so the ack time covers our own work.
  app.use(async ({ context, next }) => {
    context.receivedAt = performance.now();
    await next();
  });
  app.error(async (error) => {
    logger.error({ err: error }, 'Slack listener failed');
  });
  registerBriefCommand(app, deps);
  registerPostToChannel(app, deps);
  registerAppHome(app, deps);
  return {
    app,
    mode: settings.mode,
    delivery,
    async start() {
      await app.init().catch((error: unknown) => {
        throw startupError(error, 'bot token', settings.apiUrl);
      });
      if (settings.mode === 'socket') {
        await app.start().catch((error: unknown) => {
          throw startupError(error, 'app token', settings.apiUrl);
        });
        return {};
      }
      const server = await app.start({ port: settings.port, ...(settings.host ? { host: settings.host } : {}) });
      return { port: (server.address() as AddressInfo).port };
    },
    async stop() {
      await app.stop();
    },
  };
}
