import { resolve } from 'node:path';
import { seedIfEmpty } from '../core/corpus/seedCorpus.ts';
import { createCore } from '../core/core.ts';
import { createLogger } from '../core/logger.ts';
import { loadCliConfig, type GlobalOptions } from './cliConfig.ts';
import type { Runtime } from './runtime.ts';

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
