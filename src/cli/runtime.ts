import { resolve } from 'node:path';
import { loadConfig, type Config } from '../core/config/config.ts';
import { seedIfEmpty } from '../core/corpus/seedCorpus.ts';
import { createCore, type Core } from '../core/core.ts';
import { createLogger, type Logger } from '../core/logger.ts';
import { UserFacingError } from '../core/result.ts';

export interface GlobalOptions {
  readonly db?: string;
  readonly json?: boolean;
}

export interface Runtime {
  readonly config: Config;
  readonly logger: Logger;
  readonly core: Core;
}

/** Config from the environment, with `--db` taking precedence over NEWSBRIEF_DB. */
export function loadCliConfig(options: GlobalOptions): Config {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) throw new UserFacingError(loaded.error.code, loaded.error.message);
  return options.db ? { ...loaded.value, NEWSBRIEF_DB: options.db } : loaded.value;
}

/** Opens the database (creating, migrating and seeding it on first use). */
export function openRuntime(options: GlobalOptions): Runtime {
  const config = loadCliConfig(options);
  const logger = createLogger(config.LOG_LEVEL);
  const dbPath = config.NEWSBRIEF_DB === ':memory:' ? ':memory:' : resolve(config.NEWSBRIEF_DB);
  const core = createCore({ dbPath, logger, config });
  if (config.NEWSBRIEF_SEED) {
    const seeded = seedIfEmpty(core);
    if (seeded.length > 0) logger.info({ articles: seeded.length, db: dbPath }, 'new database seeded from data/corpus');
  }
  return { config, logger, core };
}

/** Runs `work` with an open runtime and always closes the database. */
export async function withRuntime<T>(options: GlobalOptions, work: (runtime: Runtime) => Promise<T> | T): Promise<T> {
  const runtime = openRuntime(options);
  try {
    return await work(runtime);
  } finally {
    runtime.core.close();
  }
}
