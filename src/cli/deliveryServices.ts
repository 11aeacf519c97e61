import { OutboxSender } from '../core/outbox/outboxSender.ts';
import { runSenderLoop } from '../core/outbox/senderLoop.ts';
import { DigestCron } from '../core/schedule/digestCron.ts';
import { nodeCronScheduler } from './nodeCronScheduler.ts';
import type { Service } from './services.ts';

/** Runs each channel's daily digest on its own clock and catches up on one missed while down. */
export const digestSchedulerService: Service = {
  name: 'digest scheduler',
  wanted: () => ({ on: true }),
  async start({ core, logger }) {
    const cron = new DigestCron(nodeCronScheduler(logger), core.delivery.subscriptions, core.delivery.scheduler, logger);
    cron.start();
    const count = core.delivery.subscriptions.digests().length;
    return {
      summary: `${count} daily digest${count === 1 ? '' : 's'}; missed ones up to ${core.delivery.catchUpMaxHours} h old are sent on start`,
      stop: async () => cron.stop(),
    };
  },
};

/** Delivers the outbox through whichever adapters registered a DeliveryPort. */
export const outboxSenderService: Service = {
  name: 'outbox sender',
  wanted: () => ({ on: true }),
  async start({ core, logger, config }) {
    const sender = new OutboxSender(core.delivery.outbox, core.delivery.ports, core.clock, logger, { maxAttempts: config.OUTBOX_MAX_ATTEMPTS });
    const loop = runSenderLoop(sender, logger);
    const counts = core.delivery.outbox.counts();
    return {
      summary: `${counts.pending} pending, ${counts.dead} dead (newsbrief outbox list)`,
      stop: () => loop.stop(),
    };
  },
};
