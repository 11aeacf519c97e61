import type { Logger } from 'pino';
import type { OutboxSender } from './outboxSender.ts';

export interface RunningLoop {
  /** Something was queued: look now instead of at the next poll. */
  wake(): void;
  /** Finishes the delivery in progress (never abandons one halfway), then stops. */
  stop(): Promise<void>;
}

/**
 * Runs the sender until stopped: deliver what is due, then sleep until the next item is due
 * (at most `idleMs`, so rows written by another process, like the CLI, are noticed).
 */
export function runSenderLoop(sender: OutboxSender, logger: Logger, idleMs = 1_000): RunningLoop {
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wakeUp = resolve;
      timer = setTimeout(resolve, ms);
    });
  sender.recover();
  const done = (async () => {
    while (!stopped) {
      let wait = idleMs;
      try {
        const round = await sender.runOnce();
        wait = Math.min(idleMs, round.nextInMs ?? idleMs);
      } catch (error) {
        logger.error({ err: error }, 'outbox: send round failed; retrying after a pause');
      }
      if (!stopped) await sleep(Math.max(wait, 10));
    }
  })();
  return {
    wake: () => wakeUp?.(),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wakeUp?.();
      await done;
    },
  };
}
