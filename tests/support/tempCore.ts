import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { ManualClock, type Clock } from '../../src/core/clock.ts';
import { seedCorpus } from '../../src/core/corpus/seedCorpus.ts';
import { createCore, type Core } from '../../src/core/core.ts';

export interface TempCore {
  readonly core: Core;
  readonly dir: string;
  readonly dbPath: string;
  cleanup(): void;
}

/** A real SQLite file in a fresh temp dir, optionally seeded with data/corpus. */
export function tempCore(options: { seed?: boolean; clock?: Clock; logger?: Logger; prepareOffThreadFromChars?: number } = {}): TempCore {
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-test-'));
  const dbPath = join(dir, 'test.db');
  const core = createCore({
    dbPath,
    clock: options.clock ?? new ManualClock('2024-09-14T12:00:00Z'),
    logger: options.logger,
    prepareOffThreadFromChars: options.prepareOffThreadFromChars,
  });
  if (options.seed) seedCorpus(core);
  return {
    core,
    dir,
    dbPath,
    cleanup() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
