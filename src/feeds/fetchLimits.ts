/** The guard rails of every outbound feed fetch (FEEDS_TIMEOUT_MS, FEEDS_MAX_BYTES…). */
export interface FetchLimits {
  /** Total deadline for the whole fetch, redirects and body included (not an idle timeout). */
  readonly deadlineMs: number;
  /** Largest body accepted, counted after decompression. */
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly userAgent: string;
}

export const DEFAULT_USER_AGENT = 'newsbrief/0.1 (feed reader; +https://github.com/newsbrief/newsbrief)';

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  deadlineMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: DEFAULT_USER_AGENT,
};
