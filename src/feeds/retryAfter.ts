/** Longest wait we accept from a server: a day; beyond that the feed's own backoff rules. */
const MAX_RETRY_AFTER_MS = 24 * 3600_000;

/** `Retry-After: 120` or an HTTP date → milliseconds from `now`, or undefined when absent/bad. */
export function parseRetryAfter(header: string | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now.getTime();
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
