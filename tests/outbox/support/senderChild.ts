/**
 * The outbox sender as its own process, for the kill test: `senderChild.ts <db> <platform URL>`.
 * Prints "ready" once it has recovered in-flight items and starts sending; runs until killed.
 */
import { systemClock } from '../../../src/core/clock.ts';
import type { Logger } from '../../../src/core/logger.ts';
import { DeliveryRegistry } from '../../../src/core/outbox/deliveryRegistry.ts';
import { OutboxSender } from '../../../src/core/outbox/outboxSender.ts';
import { OutboxStore } from '../../../src/core/outbox/outboxStore.ts';
import { runSenderLoop } from '../../../src/core/outbox/senderLoop.ts';
import { openDatabase } from '../../../src/core/store/database.ts';
import { fakePlatformPort } from './fakePlatformPort.ts';

const [dbPath, baseUrl] = process.argv.slice(2) as [string, string];
// Only what the sender needs (not the whole core), so a restart takes a fraction of a second.
const db = openDatabase(dbPath);
const registry = new DeliveryRegistry();
registry.register(fakePlatformPort(baseUrl));
// No pino here: loading it is a fifth of this process's start-up, paid on every restart.
const quiet = () => {};
const logger = { info: quiet, warn: quiet, error: quiet, debug: quiet } as unknown as Logger;
const sender = new OutboxSender(new OutboxStore(db), registry, systemClock, logger, {
  maxAttempts: 1_000,
  backoff: { baseMs: 2, maxMs: 20 },
  pacingMs: { slack: 0, discord: 0, web: 0, cli: 0 },
});
runSenderLoop(sender, logger, 5);
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  db.close();
  process.exit(0);
});
