import type { Clock } from '../clock.ts';
import { channelKey } from '../subscriptions/subscription.ts';
import type { SubscriptionStore } from '../subscriptions/subscriptionStore.ts';
import type { OutboxStore } from './outboxStore.ts';
import { alertReply, type PolicyAlert } from './policyAlert.ts';

export const alertKey = (channel: string, eventId: string | number): string => `alert:${channel}:${eventId}`;

/**
 * Turns a policy event into one outbox row per subscribed channel. Called from the policy
 * tracker's core events, which run inside the ingest transaction: the decision and the rows
 * commit together, or neither does.
 */
export class AlertFanout {
  private topicsOf: (alert: PolicyAlert) => readonly string[] = () => [];

  constructor(
    private readonly subscriptions: SubscriptionStore,
    private readonly outbox: OutboxStore,
    private readonly clock: Clock,
  ) {}

  /** How to find the topics an event's reports matched (wired when topics exist). */
  useTopics(topicsOf: (alert: PolicyAlert) => readonly string[]): void {
    this.topicsOf = topicsOf;
  }

  /** Channels that want this alert: subscribed to its policy, one of its topics, or everything. */
  private channels(alert: PolicyAlert) {
    return this.subscriptions.alertChannels([alert.policy, ...(alert.topics ?? []), ...this.topicsOf(alert)]);
  }

  /** A new event: queue it for every channel that wants alerts for its policy, its topics, or all. */
  created(alert: PolicyAlert): string[] {
    const now = this.clock.now().toISOString();
    const reply = alertReply(alert);
    const keys: string[] = [];
    for (const subscription of this.channels(alert)) {
      const key = alertKey(channelKey(subscription.channel), alert.eventId);
      if (this.outbox.enqueue({ key, channel: subscription.channel, kind: 'alert', reply }, now).created) keys.push(key);
    }
    return keys;
  }

  /** More evidence for an event already alerted: every channel's alert is updated (edited in place once posted). */
  corroborated(alert: PolicyAlert): string[] {
    const now = this.clock.now().toISOString();
    const reply = alertReply(alert);
    const keys: string[] = [];
    for (const subscription of this.channels(alert)) {
      const key = alertKey(channelKey(subscription.channel), alert.eventId);
      if (this.outbox.replaceReply(key, reply, now)) keys.push(key);
      else if (this.outbox.enqueue({ key, channel: subscription.channel, kind: 'alert', reply }, now).created) keys.push(key);
    }
    return keys;
  }
}
