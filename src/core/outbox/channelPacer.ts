import type { ChannelRef } from '../commands/command.ts';
import { channelKey } from '../subscriptions/subscription.ts';

/** Milliseconds to leave between two posts in one channel of this platform. */
export type SpacingFor = (platform: ChannelRef['platform']) => number;

/**
 * Per-channel spacing between posts, so a burst of alerts stays inside platform limits. The
 * spacing comes from each adapter's DeliveryPort (`minPostIntervalMs`); a 429's retry-after
 * blocks the channel for that long.
 */
export class ChannelPacer {
  private readonly readyAt = new Map<string, number>();

  constructor(private readonly spacingFor: SpacingFor) {}

  /** Milliseconds until this channel may post again (0 = now). */
  waitMs(channel: ChannelRef, now: number): number {
    return Math.max(0, (this.readyAt.get(channelKey(channel)) ?? 0) - now);
  }

  posted(channel: ChannelRef, now: number): void {
    this.block(channel, now + this.spacingFor(channel.platform));
  }

  block(channel: ChannelRef, until: number): void {
    const key = channelKey(channel);
    this.readyAt.set(key, Math.max(this.readyAt.get(key) ?? 0, until));
  }
}
