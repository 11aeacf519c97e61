/**
 * Per-feed health rules, as pure functions of the feed's counters and the time, so backoff
 * and pausing are tested without sleeping. Worked example with the defaults: a feed failing
 * every poll is retried after ~5 min, 10, 20, 40, 80, 160, 320 min, and paused at the
 * 8th failure (or once it has failed for a whole day, whichever comes first).
 */
export interface HealthPolicy {
  /** Consecutive failures after which polling stops until an admin resumes the feed. */
  readonly pauseAfterFailures: number;
  /** A feed failing for this long is paused too, however few polls that took. */
  readonly pauseAfterMs: number;
  readonly firstBackoffMs: number;
  readonly maxBackoffMs: number;
}

export const DEFAULT_HEALTH_POLICY: HealthPolicy = {
  pauseAfterFailures: 8,
  pauseAfterMs: 24 * 3600_000,
  firstBackoffMs: 5 * 60_000,
  maxBackoffMs: 12 * 3600_000,
};

export type FeedStatus = 'new' | 'ok' | 'failing' | 'paused';

/**
 * When to try a failing feed again: exponential in the number of consecutive failures,
 * ±20% jitter (so feeds that failed together do not retry together), and never sooner
 * than the server's own Retry-After.
 */
export function retryDelayMs(failures: number, policy: HealthPolicy, random: () => number, retryAfterMs?: number): number {
  const exponential = Math.min(policy.firstBackoffMs * 2 ** Math.max(0, failures - 1), policy.maxBackoffMs);
  const jittered = exponential * (0.8 + 0.4 * random());
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}

export function shouldPause(failures: number, failingSince: Date, now: Date, policy: HealthPolicy): boolean {
  return failures >= policy.pauseAfterFailures || now.getTime() - failingSince.getTime() >= policy.pauseAfterMs;
}

/** "3 h", "2 d": how long ago, in the shortest honest unit. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.max(0, Math.round(ms / 1000))} s`;
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`;
}
