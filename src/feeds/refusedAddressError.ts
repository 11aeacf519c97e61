/** Thrown inside the connector when the SSRF guard refuses an address; mapped to `feeds/refused`. */
export class RefusedAddressError extends Error {
  readonly code = 'FEEDS_REFUSED_ADDRESS';
  constructor(readonly reason: string) {
    super(`refused: ${reason}`);
    this.name = 'RefusedAddressError';
  }
}
