import { loadConfig, type Config } from '../core/config/config.ts';
import { UserFacingError } from '../core/result.ts';

export interface GlobalOptions {
  readonly db?: string;
  readonly json?: boolean;
}

/** Config from the environment, with `--db` taking precedence over NEWSBRIEF_DB. */
export function loadCliConfig(options: GlobalOptions): Config {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) throw new UserFacingError(loaded.error.code, loaded.error.message);
  return options.db ? { ...loaded.value, NEWSBRIEF_DB: options.db } : loaded.value;
}
