import type { BenchOptions } from '../run.ts';

export type Suite = (options: BenchOptions) => Promise<Record<string, unknown>>;

/**
 * Every suite by name; each lives in its own file and is loaded only when it runs. Loaded
 * together, the chat suites' libraries (discord.js, Bolt, Fastify) added ~125 MB of RSS and
 * ~100 MB of heap to every suite's reported peak, the ingest suite's included.
 */
export const suites: Record<string, () => Promise<Suite>> = {
  ask: async () => (await import('./ask.ts')).ask,
  digest: async () => (await import('./digest.ts')).digest,
  discord: async () => (await import('./discord.ts')).discord,
  feeds: async () => (await import('./feeds.ts')).feeds,
  ingest: async () => (await import('./ingest.ts')).ingest,
  match: async () => (await import('./match.ts')).run,
  policy: async () => (await import('./policy.ts')).policy,
  slack: async () => (await import('./slack.ts')).slack,
  web: async () => (await import('./web.ts')).web,
};
