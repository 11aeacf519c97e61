/** Thrown inside the connector when the SSRF guard refuses an address; mapped to `feeds/refused`. */
export class RefusedAddressError extends Error {
  readonly code = 'FEEDS_REFUSED_ADDRESS';
  constructor(readonly reason: string) {
    super(`refused: ${reason}`);
    this.name = 'RefusedAddressError';
  }
}

/**
 * The way out of a refusal, for the operator: the guard is right by default, but an intranet
 * feed host is a legitimate choice, made explicitly in the config (.env.example).
 */
export const allowHostHint = (hostname: string): string =>
  `if you trust ${hostname}, add it to FEEDS_ALLOW_HOSTS (comma-separated) and restart`;
