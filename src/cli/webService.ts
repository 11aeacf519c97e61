import { checkBind } from '../bots/web/bindSafety.ts';
import type { HealthFacts } from '../bots/web/routes/healthRoutes.ts';
import { createWebServer, type WebServer } from '../bots/web/webServer.ts';
import type { Runtime } from './runtime.ts';
import { serviceStates } from './serviceStates.ts';
import type { Service } from './services.ts';

/** The running web chat, for features wired next to it (the outbox's delivery port, the demo). */
let current: WebServer | undefined;
export const runningWebServer = (): WebServer | undefined => current;

/** What /healthz reports beyond the database: every service's state, as `start` decided it. */
const healthFacts = (): HealthFacts => ({ adapters: Object.fromEntries(serviceStates) });

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
      health: healthFacts,
    });
    const url = await server.listen();
    current = server;
    return {
      summary: `open ${url}${config.WEB_TOKEN ? '?token=<WEB_TOKEN>' : ''} and type a question, or /brief help`,
      async stop() {
        current = undefined;
        await server.close();
      },
    };
  },
};
