import { checkBind } from '../bots/web/bindSafety.ts';
import { feedStatus } from '../core/feedRegistry/feedRegistry.ts';
import type { HealthFacts } from '../bots/web/routes/healthRoutes.ts';
import { UserFacingError } from '../core/result.ts';
import type { Runtime } from './runtime.ts';
import { serviceStates } from './serviceStates.ts';
import type { Service } from './services.ts';

/** What /healthz (and the /metrics gauges) report beyond the database: feeds, outbox, every service's state. */
function healthFacts(core: Runtime['core']): HealthFacts {
  const counts = { ok: 0, failing: 0, paused: 0, new: 0 };
  for (const feed of core.feeds.list()) counts[feedStatus(feed)] += 1;
  return { feeds: counts, outbox: core.delivery.outbox.counts(), adapters: Object.fromEntries(serviceStates) };
}

/** A bind failure in words that name the setting to change. */
function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new UserFacingError('web/port-in-use', `web chat: port ${port} on ${host} is in use (another newsbrief?); set WEB_PORT to a free port.`, { cause: error });
  if (code === 'EACCES') return new UserFacingError('web/port-denied', `web chat: not allowed to listen on port ${port}; set WEB_PORT to a port above 1023.`, { cause: error });
  if (code === 'EADDRNOTAVAIL') return new UserFacingError('web/bad-host', `web chat: ${host} is not an address of this machine; set WEB_HOST (127.0.0.1 for this machine only).`, { cause: error });
  return error;
}

/** The local web chat: always on, the only adapter when no platform token is set. */
export const webService: Service = {
  name: 'web',
  wanted: () => ({ on: true }),
  required: true,
  preflight(runtime: Runtime) {
    const bind = checkBind(runtime.config.WEB_HOST, runtime.config.WEB_TOKEN);
    return bind.ok ? undefined : bind.error.message;
  },
  async start(runtime: Runtime) {
    const { config } = runtime;
    // Loaded here, not at the top: every CLI command imports this file, and Fastify and
    // prom-client cost a second or more to load that `newsbrief ask` should not pay.
    const { createWebServer } = await import('../bots/web/webServer.ts');
    const server = createWebServer({
      core: runtime.core,
      host: config.WEB_HOST,
      port: config.WEB_PORT,
      token: config.WEB_TOKEN,
      rateLimitPerMinute: config.WEB_RATE_LIMIT_PER_MINUTE,
      maxBodyBytes: config.WEB_MAX_BODY_BYTES,
      health: () => healthFacts(runtime.core),
      states: () => healthFacts(runtime.core),
    });
    const url = await server.listen().catch((error: unknown) => {
      throw listenError(error, config.WEB_HOST, config.WEB_PORT);
    });
    // The outbox sender delivers alerts and digests for web channels through this port.
    const unregister = runtime.core.delivery.ports.register(server.delivery);
    return {
      summary: `open ${url}${config.WEB_TOKEN ? '?token=<WEB_TOKEN>' : ''} and type a question, or /brief help`,
      async stop() {
        unregister();
        await server.close();
      },
    };
  },
};
