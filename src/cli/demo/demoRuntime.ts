import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../core/core.ts';
import { createLogger } from '../../core/logger.ts';
import { loadCliConfig, type GlobalOptions, type Runtime } from '../runtime.ts';
import { AcceleratedClock } from './acceleratedClock.ts';
import { runDemo, type RunningDemo } from './demoScript.ts';

/** Where the demo's story starts: the day before the first corpus article. */
export const DEMO_START = new Date('2024-05-28T06:00:00Z');
/** One real second is one demo minute, so pacing and backoff keep moving between jumps. */
export const DEMO_SPEED = 60;

export interface DemoRuntime extends Runtime {
  readonly clock: AcceleratedClock;
}

/**
 * `start --demo` runs on a throwaway database (never the user's) that starts empty: the demo
 * replays the corpus itself, so every article goes through ingest, policy tracking and alerts
 * as news would, on an accelerated clock.
 */
export function openDemoRuntime(options: GlobalOptions): DemoRuntime {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'newsbrief-demo-')), 'demo.db');
  const config = { ...loadCliConfig(options), NEWSBRIEF_DB: dbPath, NEWSBRIEF_SEED: false };
  const logger = createLogger(config.LOG_LEVEL);
  const clock = new AcceleratedClock(DEMO_START, DEMO_SPEED);
  const core = createCore({ dbPath, logger, config, clock });
  return { config, logger, core, clock };
}

/** Starts the demo steps after the services (the web chat must be listening); adds its banner line. */
export function startDemo(runtime: DemoRuntime, banner: string[]): RunningDemo {
  banner.push('  demo: on — replaying data/corpus and a sample feed on a fast clock; an alert and a digest arrive in the web chat within a minute');
  const demo = runDemo(runtime.core, runtime.clock, { stepMs: 4_000, say: (line) => process.stderr.write(`${line}\n`) });
  demo.done.catch((error: unknown) => runtime.logger.error({ err: error }, 'demo: a step failed'));
  return demo;
}
