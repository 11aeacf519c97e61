/**
 * Wall-clock time in an IANA zone, from Intl alone (Node ships the tz database). Small on
 * purpose: the scheduler needs just "when does HH:MM happen on this local day".
 *
 * Daylight saving, worked through:
 * - America/New_York, 2024-03-10: clocks jump 02:00 → 03:00. 02:30 does not exist; the slot
 *   moves forward by the gap to 03:30 EDT (07:30Z), so that day's digest is late, never skipped.
 * - America/New_York, 2024-11-03: 01:00–02:00 happens twice. 01:30 is taken at its first
 *   occurrence (EDT, 05:30Z); the second 01:30 (EST, 06:30Z) is the same local day's slot, not a new one.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export function wallClock(zone: string, instant: number): WallClock {
  const parts = Object.fromEntries(formatter(zone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Local minus UTC, in ms, at that instant (e.g. +3 h for Europe/Kyiv in summer). */
export function zoneOffsetMs(zone: string, instant: number): number {
  const w = wallClock(zone, instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** 'YYYY-MM-DD' of the local day at that instant. */
export function localDate(zone: string, instant: number): string {
  const w = wallClock(zone, instant);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The local day before or after 'YYYY-MM-DD'. */
export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The instant the local clock in `zone` reads `timeOfDay` ('HH:MM') on `date`. In a gap
 * (spring forward) the time moves forward by the gap; when it happens twice (fall back) the
 * first occurrence wins. Either way each local day has exactly one instant.
 */
export function zonedInstant(zone: string, date: string, timeOfDay: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = timeOfDay.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  const DAY = 86_400_000;
  const before = zoneOffsetMs(zone, naive - DAY);
  const after = zoneOffsetMs(zone, naive + DAY);
  const candidates = [...new Set([before, after])]
    .map((offset) => naive - offset)
    .filter((t) => zoneOffsetMs(zone, t) === naive - t)
    .sort((a, b) => a - b);
  // No candidate: the wall time falls in a gap. Reading it with the offset in force before the
  // jump lands just after the gap (02:30 EST = 03:30 EDT).
  return candidates[0] ?? naive - before;
}
