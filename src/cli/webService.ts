import { checkBind } from '../bots/web/bindSafety.ts';
import { feedStatus } from '../core/feedRegistry/feedRegistry.ts';
import type { HealthFacts } from '../bots/web/routes/healthRoutes.ts';
import { createWebServer, type WebServer } from '../bots/web/webServer.ts';
import type { Runtime } from './runtime.ts';
import { serviceStates } from './serviceStates.ts';
import type { Service } from './services.ts';

/** The running web chat, for features wired next to it (the outbox's delivery port, the demo). */
let current: WebServer | undefined;
export const runningWebServer = (): WebServer | undefined => current;

/** What /healthz reports beyond the database: feed health counts and every service's state. */
function healthFacts(core: Runtime['core']): HealthFacts {
  const counts = { ok: 0, failing: 0, paused: 0, new: 0 };
  for (const feed of core.feeds.list()) counts[feedStatus(feed)] += 1;
  return { feeds: counts, adapters: Object.fromEntries(serviceStates) };
}

/** The local web chat: always on, the only adapter when no platform token is set. */
export const webService: Service = {
  name: 'web',
  wanted: () => ({ on: true }),
  preflight(runtime: Runtime) {
    const bind = checkBind(runtime.config.WEB_HOST, runtime.config.WEB_TOKEN);
    return bind.ok ? undefined : bind.error.message;
  },
  async start(runtime: Runtime) {
    const { config } = runtime;
    const server = createWebServer({
      core: runtime.core,
      host: config.WEB_HOST,
      port: config.WEB_PORT,
      token: config.WEB_TOKEN,
      rateLimitPerMinute: config.WEB_RATE_LIMIT_PER_MINUTE,
      maxBodyBytes: config.WEB_MAX_BODY_BYTES,
      health: () => healthFacts(runtime.core),
      states: () => ({ outbox: runtime.core.delivery.outbox.counts(), feeds: healthFacts(runtime.core).feeds }),
    });
    const url = await server.listen();
    // The outbox sender delivers alerts and digests for web channels through this port.
    const unregister = runtime.core.delivery.ports.register(server.delivery);
    current = server;
    return {
      summary: `open ${url}${config.WEB_TOKEN ? '?token=<WEB_TOKEN>' : ''} and type a question, or /brief help`,
      async stop() {
        current = undefined;
        unregister();
        await server.close();
      },
    };
  },
};
