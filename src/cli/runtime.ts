import type { Config } from '../core/config/config.ts';
import type { Core } from '../core/core.ts';
import type { Logger } from '../core/logger.ts';
import type { GlobalOptions } from './cliConfig.ts';

export { loadCliConfig, type GlobalOptions } from './cliConfig.ts';

export interface Runtime {
  readonly config: Config;
  readonly logger: Logger;
  readonly core: Core;
}

/**
 * Runs `work` with an open runtime and always closes the database. The core is imported
 * here, when a command runs, not when the CLI starts: `newsbrief --help` and a mistyped
 * command need none of it, and loading all of it took ~1 s of every invocation.
 */
export async function withRuntime<T>(options: GlobalOptions, work: (runtime: Runtime) => Promise<T> | T): Promise<T> {
  const { openRuntime } = await import('./openRuntime.ts');
  const runtime = openRuntime(options);
  try {
    return await work(runtime);
  } finally {
    runtime.core.close();
  }
}
