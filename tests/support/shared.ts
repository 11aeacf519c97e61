import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';

/** `../shared` beside the project: seeds, fixtures. Absent in a user's own clone. */
export const SHARED_DIR = resolve(import.meta.dirname, '../../../shared');
export const FIXTURES_DIR = resolve(SHARED_DIR, 'fixtures');
export const SEEDS_DIR = resolve(SHARED_DIR, 'seeds');
export const hasShared = existsSync(FIXTURES_DIR) && existsSync(SEEDS_DIR);

/**
 * `describe` for tests that read ../shared: when it is missing they are skipped with a
 * printed reason (never silently).
 */
export function describeWithShared(name: string, body: () => void): void {
  if (!hasShared) {
    console.warn(`[skipped] ${name}: ../shared/fixtures is not present beside the project (a user's own clone).`);
    // The body is not even collected: it may read fixtures at collection time.
    describe(name, () => it.skip('needs ../shared/fixtures beside the project', () => undefined));
    return;
  }
  describe(name, body);
}
