import type { Logger } from '../core/logger.ts';
import { openDemoRuntime, startDemo } from './demo/demoRuntime.ts';
import { openRuntime } from './openRuntime.ts';
import type { GlobalOptions, Runtime } from './runtime.ts';
import { UserFacingError } from '../core/result.ts';
import { serviceStates } from './serviceStates.ts';
import { services, type RunningService } from './services.ts';

interface Started {
  readonly name: string;
  readonly service: RunningService;
}

/**
 * Starts every wanted service; one that fails to start is reported, not fatal, unless it is
 * `required` (the web chat): then the others are stopped and the error goes to the caller.
 */
async function startServices(runtime: Runtime, running: Started[]): Promise<string[]> {
  const lines: string[] = [];
  for (const service of services) {
    const wanted = service.wanted(runtime);
    if (!wanted.on) {
      serviceStates.set(service.name, 'off');
      lines.push(`  ${service.name}: off — ${wanted.reason}`);
      continue;
    }
    try {
      const started = await service.start(runtime);
      running.push({ name: service.name, service: started });
      serviceStates.set(service.name, 'on');
      lines.push(`  ${service.name}: on${started.summary ? ` — ${started.summary}` : ''}`);
    } catch (error) {
      if (service.required) {
        await stopServices(running, runtime.logger);
        throw error instanceof UserFacingError ? error : new UserFacingError('start/failed', `${service.name}: failed to start — ${(error as Error).message}`, { cause: error });
      }
      runtime.logger.error({ err: error, service: service.name }, 'service failed to start');
      serviceStates.set(service.name, 'failed');
      lines.push(`  ${service.name}: failed to start — ${(error as Error).message}`);
    }
  }
  return lines;
}

/** A configuration a service refuses (web chat on a public address, no token) stops start-up before anything binds. */
function refuseUnsafe(runtime: Runtime): void {
  const problems = services.filter((s) => s.wanted(runtime).on).map((s) => s.preflight?.(runtime)).filter((p): p is string => Boolean(p));
  if (problems.length === 0) return;
  runtime.core.close();
  throw new UserFacingError('start/refused', problems.join('\n'));
}

async function stopServices(running: Started[], logger: Logger): Promise<void> {
  for (const { name, service } of [...running].reverse()) {
    await service.stop().catch((error: unknown) => logger.error({ err: error, service: name }, 'stop failed'));
  }
}

/**
 * `stopped` resolves on the first SIGINT/SIGTERM; installed before anything is printed so no
 * signal is missed. `release` lets the process exit when start-up fails instead.
 */
function untilSignal(logger: Logger): { stopped: Promise<void>; release(): void } {
  // Signal handlers alone do not keep Node alive; this timer does, until Ctrl-C.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      // A second Ctrl-C while stopping should not kill us half-way through closing the database.
      process.on('SIGINT', () => undefined);
      clearInterval(keepAlive);
      logger.info({ signal }, 'stopping');
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  const release = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    clearInterval(keepAlive);
  };
  return { stopped, release };
}

/** `newsbrief start` (what `npm start` runs): the bot, until Ctrl-C. */
export async function startBot(options: { demo?: boolean }, globals: GlobalOptions): Promise<void> {
  const demoRuntime = options.demo ? openDemoRuntime(globals) : undefined;
  const runtime = demoRuntime ?? openRuntime(globals);
  refuseUnsafe(runtime);
  // `/brief feeds check` and the add-time address screen work in every chat, polling or not.
  const { installFeedSource } = await import('../feeds/installFeedSource.ts');
  installFeedSource(runtime.core, runtime.config);
  const { stopped, release } = untilSignal(runtime.logger);
  const running: Started[] = [];
  let lines: string[];
  try {
    lines = await startServices(runtime, running);
  } catch (error) {
    release();
    runtime.core.close();
    throw error;
  }
  const demo = demoRuntime ? startDemo(demoRuntime, lines) : undefined;
  process.stderr.write(
    [`newsbrief — corpus: ${runtime.core.articles.count()} articles in ${runtime.config.NEWSBRIEF_DB}`, ...lines, 'Press Ctrl-C to stop.'].join('\n') + '\n',
  );
  await stopped;
  demo?.stop();
  await stopServices(running, runtime.logger);
  runtime.core.close();
  process.stderr.write('newsbrief stopped; database closed.\n');
}
