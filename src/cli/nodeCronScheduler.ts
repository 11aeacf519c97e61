import cron from 'node-cron';
import type { Logger } from '../core/logger.ts';
import type { ScheduledJob, SchedulerPort } from '../core/schedule/schedulerPort.ts';

/**
 * The core's SchedulerPort on node-cron: each job fires at its wall-clock time in its own IANA
 * zone. What a firing does (and whether it already happened) is decided in the core.
 */
export function nodeCronScheduler(logger: Logger): SchedulerPort {
  return {
    schedule(spec, task): ScheduledJob {
      const job = cron.schedule(
        spec.cron,
        () => {
          try {
            task();
          } catch (error) {
            logger.error({ err: error, job: spec.name }, 'scheduled job failed');
          }
        },
        { name: spec.name, timezone: spec.zone, noOverlap: true },
      );
      return { stop: () => void job.destroy() };
    },
  };
}
