import type { Command } from 'commander';
import { openRuntime, type GlobalOptions } from '../runtime.ts';
import { services, type RunningService } from '../services.ts';

/** `newsbrief start` (what `npm start` runs): the bot, until Ctrl-C. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run the bot: web chat, configured chat platforms, feed polling and schedules')
    .action(async (_options: unknown, cmd: Command) => {
      const runtime = openRuntime(cmd.optsWithGlobals<GlobalOptions>());
      const { core, logger } = runtime;
      const running: { name: string; service: RunningService }[] = [];
      const lines = [`newsbrief — corpus: ${core.articles.count()} articles in ${runtime.config.NEWSBRIEF_DB}`];
      for (const service of services) {
        const wanted = service.wanted(runtime);
        if (!wanted.on) {
          lines.push(`  ${service.name}: off — ${wanted.reason}`);
          continue;
        }
        try {
          const started = await service.start(runtime);
          running.push({ name: service.name, service: started });
          lines.push(`  ${service.name}: on${started.summary ? ` — ${started.summary}` : ''}`);
        } catch (error) {
          logger.error({ err: error, service: service.name }, 'service failed to start');
          lines.push(`  ${service.name}: failed to start — ${(error as Error).message}`);
        }
      }
      lines.push('Press Ctrl-C to stop.');
      process.stderr.write(`${lines.join('\n')}\n`);
      // Signal handlers alone do not keep Node alive; this timer does, until Ctrl-C.
      const keepAlive = setInterval(() => undefined, 1 << 30);
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = async (signal: string) => {
          if (stopping) return;
          stopping = true;
          logger.info({ signal }, 'stopping');
          for (const { name, service } of running.reverse()) {
            await service.stop().catch((error: unknown) => logger.error({ err: error, service: name }, 'stop failed'));
          }
          core.close();
          clearInterval(keepAlive);
          process.stderr.write('newsbrief stopped; database closed.\n');
          resolve();
        };
        process.once('SIGINT', () => void stop('SIGINT'));
        process.once('SIGTERM', () => void stop('SIGTERM'));
      });
    });
}
