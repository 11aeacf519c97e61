import type { BenchOptions } from '../run.ts';

export type Suite = (options: BenchOptions) => Promise<Record<string, unknown>>;

/** Every suite by name; each lives in its own file. */
export const suites: Record<string, Suite> = {};
