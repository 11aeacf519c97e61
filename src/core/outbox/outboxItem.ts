import type { ChannelRef } from '../commands/command.ts';
import type { Reply } from '../reply.ts';

export type OutboxState = 'pending' | 'sending' | 'sent' | 'dead';
export type OutboxKind = 'digest' | 'alert';

/** One digest or alert on its way to one channel. */
export interface OutboxItem {
  readonly id: number;
  readonly key: string;
  readonly channel: ChannelRef;
  readonly kind: OutboxKind;
  readonly reply: Reply;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly messageIds: readonly string[];
  /** The reply changed after it was posted (a corroborating source): edit the message in place. */
  readonly needsEdit: boolean;
  /** A previous sender may have posted it before dying: look before posting again. */
  readonly inDoubt: boolean;
  readonly lastErrorCode: string | null;
  readonly lastError: string | null;
  readonly window: { readonly since: string; readonly until: string } | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly sentAt: string | null;
}

export interface NewOutboxItem {
  readonly key: string;
  readonly channel: ChannelRef;
  readonly kind: OutboxKind;
  readonly reply: Reply;
  readonly window?: { readonly since: string; readonly until: string };
}
