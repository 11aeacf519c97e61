import type { ChannelRef } from '../commands/command.ts';

/** A channel's wish: a daily digest at a wall-clock time in its zone, or alerts. */
export type Subscription =
  | (SubscriptionBase & { readonly kind: 'digest'; readonly timeOfDay: string; readonly zone: string })
  | (SubscriptionBase & { readonly kind: 'alerts'; readonly target: string });

interface SubscriptionBase {
  readonly id: number;
  readonly channel: ChannelRef;
  readonly createdAt: string;
  /** The last scheduled digest slot handled (sent, or skipped as too old). */
  readonly lastSlotAt: string | null;
}

/** The stable text form of a channel, used in outbox keys and logs: `slack/T1/C2`. */
export const channelKey = (channel: ChannelRef): string => `${channel.platform}/${channel.workspace}/${channel.channel}`;
