import type { ChannelRef } from '../commands/command.ts';
import type { Reply } from '../reply.ts';

/**
 * How the outbox hands a Reply to a platform. Each adapter implements it; the outbox owns
 * retries, pacing and bookkeeping, the adapter only renders, calls the API and translates
 * the platform's answer into one of these results.
 */
export interface DeliveryRequest {
  /** Unique per (channel, event) or (channel, digest window): the idempotency key. */
  readonly key: string;
  readonly channel: ChannelRef;
  readonly reply: Reply;
  /**
   * Optional (added by the outbox, issue #7): at most 25 characters, stable per key, so a
   * re-send after a crash can be deduplicated by the platform (Discord `nonce` with
   * `enforce_nonce: true`). Adapters that cannot use it ignore it.
   */
  readonly nonce?: string;
  /** Optional: true when an earlier attempt may already have posted this key. */
  readonly inDoubt?: boolean;
}

export type DeliveryResult =
  | { readonly ok: true; readonly messageIds: readonly string[] }
  | {
      readonly ok: false;
      /** Worth trying again (5xx, network, rate limit) or never (missing permission…). */
      readonly retry: boolean;
      readonly retryAfterMs?: number;
      /** Namespaced, e.g. `slack/not_in_channel`, `discord/50013`. */
      readonly code: string;
      /** What a person can do about it: "invite the app to #policy-news". */
      readonly message: string;
    };

export interface DeliveryPort {
  readonly platform: ChannelRef['platform'];
  /**
   * The platform's per-channel posting limit as a gap between posts (Slack ~1 message/s per
   * channel). Declared by the adapter, which owns platform limits; the outbox only obeys it.
   */
  readonly minPostIntervalMs?: number;
  send(request: DeliveryRequest): Promise<DeliveryResult>;
  /** Replaces messages posted earlier for the same key (a corroborated alert). */
  edit(request: DeliveryRequest & { readonly messageIds: readonly string[] }): Promise<DeliveryResult>;
  /**
   * After a crash between send and record: the ids of messages already posted for this key,
   * when the platform lets us look (Slack history); undefined when it cannot tell.
   */
  findPosted?(request: DeliveryRequest): Promise<readonly string[] | undefined>;
}
