import type { BenchOptions } from '../run.ts';

export type Suite = (options: BenchOptions) => Promise<Record<string, unknown>>;

/** Every suite by name; each lives in its own file. */
import { ask } from './ask.ts';
import { digest } from './digest.ts';
import { discord } from './discord.ts';
import { feeds } from './feeds.ts';
import { ingest } from './ingest.ts';
import { run as match } from './match.ts';
import { policy } from './policy.ts';
import { slack } from './slack.ts';
import { web } from './web.ts';

export const suites: Record<string, Suite> = {
  ask,
  digest,
  discord,
  feeds,
  ingest,
  match,
  policy,
  slack,
  web,
};
