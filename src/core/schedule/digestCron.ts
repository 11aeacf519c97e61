import type { Logger } from 'pino';
import type { SubscriptionStore } from '../subscriptions/subscriptionStore.ts';
import type { DigestScheduler } from './digestScheduler.ts';
import type { ScheduledJob, SchedulerPort } from './schedulerPort.ts';

/** Every five minutes (UTC): picks up new or changed subscriptions and any slot a cron firing missed. */
export const SWEEP_CRON = '*/5 * * * *';

/** "08:05" → "5 8 * * *": fires at that wall-clock time in the subscription's own zone. */
export const dailyCron = (timeOfDay: string): string => {
  const [hh, mm] = timeOfDay.split(':').map(Number) as [number, number];
  return `${mm} ${hh} * * *`;
};

/**
 * Keeps one cron job per digest subscription, in its zone, plus a sweep. Every firing just asks
 * DigestScheduler what is due, so a DST double firing posts once (same local-day key) and a
 * firing node-cron skips in a spring-forward gap is caught by the sweep.
 */
export class DigestCron {
  private readonly jobs = new Map<number, { readonly spec: string; readonly job: ScheduledJob }>();
  private sweep: ScheduledJob | undefined;

  constructor(
    private readonly port: SchedulerPort,
    private readonly subscriptions: SubscriptionStore,
    private readonly scheduler: DigestScheduler,
    private readonly logger: Logger,
  ) {}

  /** Sends what was missed while down (within the catch-up limit), then follows the schedules. */
  start(): void {
    this.fire('start');
    this.sweep = this.port.schedule({ name: 'digest-sweep', cron: SWEEP_CRON, zone: 'UTC' }, () => this.fire('sweep'));
  }

  stop(): void {
    this.sweep?.stop();
    for (const { job } of this.jobs.values()) job.stop();
    this.jobs.clear();
  }

  /** Matches running jobs to the subscriptions table. */
  sync(): void {
    const wanted = new Map(this.subscriptions.digests().map((s) => [s.id, s]));
    for (const [id, { spec, job }] of this.jobs) {
      const sub = wanted.get(id);
      if (!sub || `${dailyCron(sub.timeOfDay)} ${sub.zone}` !== spec) {
        job.stop();
        this.jobs.delete(id);
      }
    }
    for (const [id, sub] of wanted) {
      if (this.jobs.has(id)) continue;
      const cron = dailyCron(sub.timeOfDay);
      const job = this.port.schedule({ name: `digest-${id}`, cron, zone: sub.zone }, () => this.fire(`digest-${id}`));
      this.jobs.set(id, { spec: `${cron} ${sub.zone}`, job });
    }
  }

  private fire(reason: string): void {
    try {
      this.sync();
      const due = this.scheduler.runDue();
      if (due.queued.length + due.skipped.length > 0) this.logger.info({ reason, ...due }, 'digest schedule ran');
    } catch (error) {
      this.logger.error({ err: error, reason }, 'digest schedule failed; the next sweep tries again');
    }
  }
}
