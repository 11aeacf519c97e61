import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import { DigestBuilder } from '../digest/digestBuilder.ts';
import { DigestScheduler } from '../schedule/digestScheduler.ts';
import type { ArticleStore } from '../store/articleStore.ts';
import type { Db } from '../store/database.ts';
import { SubscriptionStore } from '../subscriptions/subscriptionStore.ts';
import { AlertFanout } from './alertFanout.ts';
import { DeliveryRegistry } from './deliveryRegistry.ts';
import { OutboxStore } from './outboxStore.ts';

/** Digests, subscriptions, alerts and the outbox (issue #7), as one service on the Core. */
export interface Delivery {
  readonly subscriptions: SubscriptionStore;
  readonly outbox: OutboxStore;
  /** Adapters register their DeliveryPort here when they start. */
  readonly ports: DeliveryRegistry;
  readonly digests: DigestBuilder;
  readonly scheduler: DigestScheduler;
  readonly alerts: AlertFanout;
  readonly catchUpMaxHours: number;
}

export function createDelivery(db: Db, articles: ArticleStore, clock: Clock, logger: Logger, catchUpMaxHours = 12): Delivery {
  const subscriptions = new SubscriptionStore(db);
  const outbox = new OutboxStore(db);
  const digests = new DigestBuilder(articles);
  return {
    subscriptions,
    outbox,
    ports: new DeliveryRegistry(),
    digests,
    scheduler: new DigestScheduler(db, subscriptions, outbox, digests, clock, logger, catchUpMaxHours),
    alerts: new AlertFanout(subscriptions, outbox, clock),
    catchUpMaxHours,
  };
}
