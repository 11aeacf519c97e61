/** "8:05" or "08:05" → "08:05"; anything else → undefined. */
export function parseClockTime(text: string): string | undefined {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : undefined;
}

/** True for IANA zone names this Node knows (Intl throws a RangeError for unknown ones). */
export function isValidTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone as IANA spells it: "europe/berlin" is stored and shown as Europe/Berlin. Case only —
 * a link such as Europe/Kyiv is kept as typed, not turned into the older name ICU resolves it to.
 */
export function canonicalTimeZone(zone: string): string {
  const lower = zone.toLowerCase();
  const listed = Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase() === lower);
  if (listed) return listed;
  // UTC, EST, GMT: abbreviations are written in capitals.
  if (!zone.includes('/') && isValidTimeZone(zone.toUpperCase())) return zone.toUpperCase();
  const titled = /^etc\//i.test(zone) ? `Etc/${zone.slice(4).toUpperCase()}` : zone.replace(/(^|[/_-])([a-z])/g, (_, sep: string, letter: string) => sep + letter.toUpperCase());
  return titled !== zone && isValidTimeZone(titled) && sameZone(titled, zone) ? titled : zone;
}

const sameZone = (a: string, b: string): boolean =>
  new Intl.DateTimeFormat('en-US', { timeZone: a }).resolvedOptions().timeZone === new Intl.DateTimeFormat('en-US', { timeZone: b }).resolvedOptions().timeZone;
