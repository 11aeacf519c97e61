/**
 * Exponential backoff with "equal jitter": attempt 1 waits base…base/2-ish, each further
 * attempt doubles, capped. Half the delay is fixed (so retries really back off), half random
 * (so channels that failed together do not retry together). `random` is injected for tests.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
