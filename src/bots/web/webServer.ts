import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Core } from '../../core/core.ts';
import { errorReply } from '../../core/reply.ts';
import { UserFacingError } from '../../core/result.ts';
import { accessGuard } from './accessGuard.ts';
import { checkBind } from './bindSafety.ts';
import { EventHub } from './eventHub.ts';
import { PromMetrics, type StateCounts } from './promMetrics.ts';
import { registerCommandRoutes } from './routes/commandRoutes.ts';
import { registerEventRoutes } from './routes/eventRoutes.ts';
import { registerHealthRoutes, type HealthFacts } from './routes/healthRoutes.ts';
import { registerPageRoutes } from './routes/pageRoutes.ts';
import { validationWords } from './validationWords.ts';
import { WebDelivery } from './webDelivery.ts';

export interface WebServerOptions {
  readonly core: Core;
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly token?: string | undefined;
  readonly rateLimitPerMinute: number;
  readonly maxBodyBytes: number;
  readonly health?: () => HealthFacts;
  /** Outbox and feed counts for /metrics gauges, read at each scrape. */
  readonly states?: () => StateCounts;
}

export interface WebServer {
  readonly app: FastifyInstance;
  readonly hub: EventHub;
  /** The DeliveryPort the outbox uses for `web` channels. */
  readonly delivery: WebDelivery;
  readonly metrics: PromMetrics;
  /** Listens; resolves with the URL people open. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Fastify, for what it brings that we would otherwise hand-write: a body limit enforced
 * while reading (413 before the JSON parser sees a byte too many), JSON-schema validation of
 * request bodies, per-route rate limits (@fastify/rate-limit), pino logging, and a clean close.
 */
export function createWebServer(options: WebServerOptions): WebServer {
  const bind = checkBind(options.host, options.token);
  if (!bind.ok) throw new UserFacingError(bind.error.code, bind.error.message);
  const { core } = options;
  const app = Fastify({
    // pino's own type is stricter than Fastify's logger interface; the instance is the same.
    loggerInstance: core.logger.child({ adapter: 'web' }) as FastifyBaseLogger,
    // One line per request would drown the feed and delivery logs; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.maxBodyBytes,
    // Event streams never end by themselves; the hub ends them in preClose.
    forceCloseConnections: true,
  });
  const hub = new EventHub(core.clock);
  const metrics = new PromMetrics(() => hub.listeners(), options.states);
  const detachMetrics = core.metrics.addSink(metrics);
  const delivery = new WebDelivery(hub);

  app.addHook('onRequest', accessGuard({ token: options.token, loopback: bind.value.loopback }));
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
  });
  app.addHook('preClose', async () => hub.close());
  app.setErrorHandler(errorAsReply);
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorReply('Not found', `Nothing at ${request.url.slice(0, 100)}. The chat is at /.`, { code: 'web/not-found' })),
  );
  const ready = (async () => {
    await app.register(rateLimit, {
      global: false,
      // Per client: the socket address (no proxy in front of a local chat, so no X-Forwarded-For).
      keyGenerator: (request) => request.ip,
      errorResponseBuilder: (_request, context) => Object.assign(new Error(`Too many commands: wait ${context.after}.`), { statusCode: 429, retryAfter: context.after }),
    });
    registerPageRoutes(app);
    registerCommandRoutes(app, { core, rateLimitPerMinute: options.rateLimitPerMinute });
    registerEventRoutes(app, hub);
    registerHealthRoutes(app, { core, hub, metrics, facts: options.health });
  })();

  return {
    app,
    hub,
    delivery,
    metrics,
    async listen() {
      await ready;
      await app.listen({ host: options.host, port: options.port });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      return `http://${host}:${port}/`;
    },
    async close() {
      detachMetrics();
      await ready;
      await app.close();
    },
  };
}

/** Every failure the page can meet comes back as an error Reply it can render. */
function errorAsReply(error: FastifyError & { retryAfter?: string }, request: { log: FastifyInstance['log'] }, reply: { code(n: number): { send(body: unknown): unknown } }) {
  if (error.statusCode === 429) {
    return reply.code(429).send(errorReply('Slow down', `${error.message} Commands are limited per minute so one page cannot hog the bot.`, { code: 'web/rate-limited' }));
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply.code(413).send(errorReply('Too long', 'That message is too long for the chat. Shorten it and try again.', { code: 'web/too-large' }));
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) {
    return reply.code(415).send(errorReply('Wrong format', 'Send commands as JSON: {"text": "/brief help"}.', { code: 'web/unsupported-media-type' }));
  }
  const problem = validationWords(error.validation);
  if (problem) return reply.code(400).send(errorReply(problem.title, problem.text, { code: problem.code }));
  if (error.validation || (error.statusCode !== undefined && error.statusCode < 500)) {
    return reply.code(error.statusCode ?? 400).send(errorReply('Bad request', `${error.message}. Send {"text": "/brief help"}.`, { code: 'web/bad-request' }));
  }
  request.log.error({ err: error }, 'web: request failed');
  return reply.code(500).send(errorReply('Something went wrong', 'The web chat hit an error; it was logged. Try again in a moment.', { code: 'web/internal' }));
}
