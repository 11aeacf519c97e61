import type { ChannelRef, DigestWindow as WindowName } from '../commands/command.ts';
import type { Delivery } from '../outbox/createDelivery.ts';
import { localDate, zonedInstant } from '../schedule/zonedTime.ts';
import type { DigestWindow } from './digest.ts';

const DAY = 86_400_000;

/**
 * The window `/brief digest [today|week]` covers, ending now:
 * - since-last: from where this channel's last digest ended (or the last 24 hours);
 * - today: from local midnight in the channel's digest zone (UTC when it has none);
 * - week: the last 7 days.
 */
export function windowFor(name: WindowName, channel: ChannelRef, delivery: Delivery, now: Date): DigestWindow {
  const until = now.toISOString();
  if (name === 'week') return { since: new Date(now.getTime() - 7 * DAY).toISOString(), until };
  if (name === 'today') {
    const sub = delivery.subscriptions.find(channel, 'digest', '');
    const zone = sub?.kind === 'digest' ? sub.zone : 'UTC';
    return { since: new Date(zonedInstant(zone, localDate(zone, now.getTime()), '00:00')).toISOString(), until };
  }
  return { since: delivery.outbox.lastDigestUntil(channel) ?? new Date(now.getTime() - DAY).toISOString(), until };
}
