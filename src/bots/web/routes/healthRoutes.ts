import type { FastifyInstance } from 'fastify';
import type { Core } from '../../../core/core.ts';
import type { EventHub } from '../eventHub.ts';
import type { PromMetrics } from '../promMetrics.ts';

/** Facts the web adapter cannot know itself; the composition root supplies them. */
export interface HealthFacts {
  /** Each service `start` knows and its state: on, off (not configured) or failed. */
  readonly adapters?: Readonly<Record<string, string>>;
  /** Feed health counts, once feed polling exists; undefined means "not known". */
  readonly feeds?: { readonly ok: number; readonly failing: number; readonly paused?: number; readonly new?: number } | undefined;
  /** Outbox items by state: `dead` ones are alerts or digests that will not arrive without help. */
  readonly outbox?: Readonly<Record<string, number>>;
}

export interface HealthOptions {
  readonly core: Core;
  readonly hub: EventHub;
  readonly metrics: PromMetrics;
  readonly facts?: () => HealthFacts;
}

/** The database answers a real query, or it is not ok. */
function databaseHealth(core: Core): { ok: boolean; articles?: number; error?: string } {
  try {
    return { ok: true, articles: core.articles.count() };
  } catch (error) {
    core.logger.error({ err: error }, 'web: health check could not read the database');
    return { ok: false, error: (error as Error).message };
  }
}

export function registerHealthRoutes(app: FastifyInstance, options: HealthOptions): void {
  app.get('/healthz', async (_request, reply) => {
    const db = databaseHealth(options.core);
    const facts = options.facts?.() ?? {};
    return reply.code(db.ok ? 200 : 503).send({
      ok: db.ok,
      db,
      feeds: facts.feeds ?? { known: false },
      outbox: facts.outbox ?? { known: false },
      adapters: { web: 'on', ...(facts.adapters ?? {}) },
      eventStreams: options.hub.listeners(),
      checkedAt: options.core.clock.now().toISOString(),
    });
  });
  app.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await options.metrics.text();
    return reply.type(contentType).send(body);
  });
}
