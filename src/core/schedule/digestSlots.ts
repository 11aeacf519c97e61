import { localDate, shiftDate, zonedInstant } from './zonedTime.ts';

/** When a daily digest at `timeOfDay` in `zone` is due: one slot per local day. */
export interface DigestSlot {
  /** The local day the slot belongs to: part of the outbox key, so a day never posts twice. */
  readonly localDate: string;
  readonly at: Date;
}

export function slotOn(zone: string, timeOfDay: string, date: string): DigestSlot {
  return { localDate: date, at: new Date(zonedInstant(zone, date, timeOfDay)) };
}

/** The most recent slot at or before `now`. */
export function latestSlot(zone: string, timeOfDay: string, now: Date): DigestSlot {
  const today = localDate(zone, now.getTime());
  const slot = slotOn(zone, timeOfDay, today);
  return slot.at.getTime() <= now.getTime() ? slot : slotOn(zone, timeOfDay, shiftDate(today, -1));
}

/** The first slot strictly after `instant`. */
export function nextSlot(zone: string, timeOfDay: string, instant: Date): DigestSlot {
  let date = localDate(zone, instant.getTime());
  for (;;) {
    const slot = slotOn(zone, timeOfDay, date);
    if (slot.at.getTime() > instant.getTime()) return slot;
    date = shiftDate(date, 1);
  }
}
