import type { ChannelRef } from '../commands/command.ts';
import { channelKey } from '../subscriptions/subscription.ts';

/**
 * Per-channel spacing between posts, so a burst of alerts stays inside platform limits:
 * Slack allows about one message per second per channel; Discord's channel-message route
 * bucket is 5 per 5 s. A 429's retry-after blocks the channel for that long.
 */
export const DEFAULT_PACING_MS: Readonly<Record<ChannelRef['platform'], number>> = {
  slack: 1100,
  discord: 1000,
  web: 0,
  cli: 0,
};

export class ChannelPacer {
  private readonly readyAt = new Map<string, number>();

  constructor(private readonly spacingMs: Readonly<Record<ChannelRef['platform'], number>> = DEFAULT_PACING_MS) {}

  /** Milliseconds until this channel may post again (0 = now). */
  waitMs(channel: ChannelRef, now: number): number {
    return Math.max(0, (this.readyAt.get(channelKey(channel)) ?? 0) - now);
  }

  posted(channel: ChannelRef, now: number): void {
    this.block(channel, now + this.spacingMs[channel.platform]);
  }

  block(channel: ChannelRef, until: number): void {
    const key = channelKey(channel);
    this.readyAt.set(key, Math.max(this.readyAt.get(key) ?? 0, until));
  }
}
