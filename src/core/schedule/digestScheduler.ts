import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { ChannelRef } from '../commands/command.ts';
import type { DigestBuilder } from '../digest/digestBuilder.ts';
import { digestReply } from '../digest/digestReply.ts';
import type { OutboxStore } from '../outbox/outboxStore.ts';
import type { Reply } from '../reply.ts';
import type { Db } from '../store/database.ts';
import { channelKey, type Subscription } from '../subscriptions/subscription.ts';
import type { SubscriptionStore } from '../subscriptions/subscriptionStore.ts';
import { latestSlot, type DigestSlot } from './digestSlots.ts';

type DigestSubscription = Extract<Subscription, { kind: 'digest' }>;

export interface DueReport {
  /** Outbox keys written this round. */
  readonly queued: readonly string[];
  /** Slots missed for longer than the catch-up limit: recorded as handled, not sent. */
  readonly skipped: readonly string[];
}

/** The outbox key of one channel's digest for one local day: a day can only post once. */
export const digestKey = (channel: ChannelRef, slot: DigestSlot): string => `digest:${channelKey(channel)}:${slot.localDate}`;

/**
 * Decides which digests are due, from the clock and the database alone, so it can be called
 * as often as anyone likes (each cron firing, a periodic sweep, start-up) with the same result:
 *  - each subscription's latest slot at or before now is due once (subscriptions.last_slot_at);
 *  - a slot missed while the bot was down is still sent on start when it is at most
 *    `catchUpMaxHours` old, otherwise recorded as skipped (a stale "morning" digest at night helps no one);
 *  - the digest, its outbox row and the "handled" mark are one transaction.
 */
export class DigestScheduler {
  constructor(
    private readonly db: Db,
    private readonly subscriptions: SubscriptionStore,
    private readonly outbox: OutboxStore,
    private readonly builder: DigestBuilder,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly catchUpMaxHours: number,
  ) {}

  runDue(): DueReport {
    const queued: string[] = [];
    const skipped: string[] = [];
    // Channels sharing a window (same time and zone) share one digest unless topics make them differ.
    const built = new Map<string, Reply>();
    for (const subscription of this.subscriptions.digests()) {
      const outcome = this.runOne(subscription, built);
      if (outcome?.queued) queued.push(outcome.key);
      else if (outcome) skipped.push(outcome.key);
    }
    return { queued, skipped };
  }

  private runOne(subscription: DigestSubscription, built: Map<string, Reply>): { key: string; queued: boolean } | undefined {
    const now = this.clock.now();
    const slot = latestSlot(subscription.zone, subscription.timeOfDay, now);
    const slotIso = slot.at.toISOString();
    if (subscription.lastSlotAt !== null && slotIso <= subscription.lastSlotAt) return undefined;
    if (slotIso <= subscription.createdAt) return undefined;
    const key = digestKey(subscription.channel, slot);
    const ageHours = (now.getTime() - slot.at.getTime()) / 3_600_000;
    if (ageHours > this.catchUpMaxHours) {
      this.subscriptions.markSlotHandled(subscription.id, slotIso);
      this.logger.warn({ key, ageHours: Math.round(ageHours) }, 'digest missed while the bot was down; too old to send now (DIGEST_CATCHUP_MAX_HOURS)');
      return { key, queued: false };
    }
    this.db.transaction(() => {
      const since = this.outbox.lastDigestUntil(subscription.channel) ?? new Date(slot.at.getTime() - 86_400_000).toISOString();
      const window = { since, until: slotIso };
      const memo = `${this.builder.audienceOf(subscription.channel)}|${since}|${slotIso}`;
      const reply = built.get(memo) ?? digestReply(this.builder.build(window, subscription.channel), this.builder.signals(window));
      built.set(memo, reply);
      this.outbox.enqueue({ key, channel: subscription.channel, kind: 'digest', reply, window }, now.toISOString());
      this.subscriptions.markSlotHandled(subscription.id, slotIso);
    })();
    this.logger.info({ key }, 'digest queued');
    return { key, queued: true };
  }
}
