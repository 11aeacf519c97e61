/**
 * The core events policy tracking emits, inside the ingest transaction, so a listener that
 * writes outbox rows commits (or rolls back) together with the event it announces.
 * Quiet ingests (seeding, a feed's first poll) change state but emit nothing.
 */
export interface PolicyAlertPayload {
  readonly alertId: number;
  readonly eventId: number;
  readonly policyId: string;
  /** Articles that confirm the event so far. */
  readonly sourceCount: number;
}

declare module '../events.ts' {
  interface CoreEventMap {
    /** A report moved a policy to a new state: one alert per subscribed channel. */
    readonly 'policy/event-created': PolicyAlertPayload;
    /** Another report confirmed an alerted event: update the posted alerts' source count. */
    readonly 'policy/event-corroborated': PolicyAlertPayload;
  }
}
