import type { ChannelRef } from '../commands/command.ts';
import type { Reply } from '../reply.ts';
import type { Db } from '../store/database.ts';
import type { NewOutboxItem, OutboxItem, OutboxKind, OutboxState } from './outboxItem.ts';

interface OutboxRow {
  id: number;
  key: string;
  platform: ChannelRef['platform'];
  workspace: string;
  channel: string;
  channel_name: string | null;
  kind: OutboxKind;
  reply: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string;
  message_ids: string | null;
  needs_edit: number;
  in_doubt: number;
  last_error_code: string | null;
  last_error: string | null;
  window_since: string | null;
  window_until: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

const toItem = (row: OutboxRow): OutboxItem => ({
  id: row.id,
  key: row.key,
  channel: {
    platform: row.platform,
    workspace: row.workspace,
    channel: row.channel,
    ...(row.channel_name ? { channelName: row.channel_name } : {}),
  },
  kind: row.kind,
  reply: JSON.parse(row.reply) as Reply,
  state: row.state,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  messageIds: row.message_ids ? (JSON.parse(row.message_ids) as string[]) : [],
  needsEdit: row.needs_edit === 1,
  inDoubt: row.in_doubt === 1,
  lastErrorCode: row.last_error_code,
  lastError: row.last_error,
  window: row.window_since && row.window_until ? { since: row.window_since, until: row.window_until } : null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  sentAt: row.sent_at,
});

/**
 * The only place that reads and writes `outbox`. Every write is one statement, so each state
 * change is durable on its own: the sender's crash safety rests on that ordering.
 */
export class OutboxStore {
  constructor(private readonly db: Db) {}

  /**
   * Adds the item unless its key exists (a second decision about the same event or window is
   * the same post). Call it inside the transaction that made the decision.
   */
  enqueue(item: NewOutboxItem, now: string): { readonly id: number; readonly created: boolean } {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO outbox (key, platform, workspace, channel, channel_name, kind, reply, next_attempt_at,
           window_since, window_until, created_at, updated_at)
         VALUES (@key, @platform, @workspace, @channel, @channelName, @kind, @reply, @now, @since, @until, @now, @now)`,
      )
      .run({
        key: item.key,
        platform: item.channel.platform,
        workspace: item.channel.workspace,
        channel: item.channel.channel,
        channelName: item.channel.channelName ?? null,
        kind: item.kind,
        reply: JSON.stringify(item.reply),
        now,
        since: item.window?.since ?? null,
        until: item.window?.until ?? null,
      });
    if (result.changes > 0) return { id: Number(result.lastInsertRowid), created: true };
    return { id: this.byKey(item.key)!.id, created: false };
  }

  /**
   * A later report changed what the item says. Not yet posted: the new text simply goes out.
   * Already posted: it is queued again as an edit of the posted message. Being posted right now
   * (needs_edit = 2): markSent will queue the edit, so the old text never has the last word.
   */
  replaceReply(key: string, reply: Reply, now: string): boolean {
    const result = this.db
      .prepare(
        `UPDATE outbox SET reply = @reply, updated_at = @now,
           needs_edit = CASE WHEN state = 'sending' THEN 2 WHEN state = 'sent' OR message_ids IS NOT NULL THEN 1 ELSE needs_edit END,
           attempts = CASE WHEN state IN ('sent', 'dead') THEN 0 ELSE attempts END,
           next_attempt_at = CASE WHEN state IN ('sent', 'dead') THEN @now ELSE next_attempt_at END,
           state = CASE WHEN state IN ('sent', 'dead') THEN 'pending' ELSE state END
         WHERE key = @key`,
      )
      .run({ key, reply: JSON.stringify(reply), now });
    return result.changes > 0;
  }

  byKey(key: string): OutboxItem | undefined {
    const row = this.db.prepare('SELECT * FROM outbox WHERE key = ?').get(key) as OutboxRow | undefined;
    return row && toItem(row);
  }

  get(id: number): OutboxItem | undefined {
    const row = this.db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRow | undefined;
    return row && toItem(row);
  }

  /** Items whose turn has come, oldest first. */
  due(now: string, limit = 100): OutboxItem[] {
    const rows = this.db
      .prepare(`SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`)
      .all(now, limit) as OutboxRow[];
    return rows.map(toItem);
  }

  /** When the next pending item comes due, if any. */
  nextDueAt(): string | undefined {
    return this.db.prepare(`SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'`).pluck().get() as string | undefined ?? undefined;
  }

  /**
   * At start: anything left `sending` was in flight when the last process died. It may or may
   * not have reached the platform, so it goes back to pending marked in doubt.
   */
  recoverInFlight(now: string): number {
    return this.db
      .prepare(`UPDATE outbox SET state = 'pending', in_doubt = 1, next_attempt_at = @now, updated_at = @now WHERE state = 'sending'`)
      .run({ now }).changes;
  }

  /** Committed before the platform call: from here a crash leaves the item in doubt. */
  markSending(id: number, now: string): void {
    this.db.prepare(`UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?`).run(now, id);
  }

  markSent(id: number, messageIds: readonly string[], now: string): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = CASE WHEN needs_edit = 2 THEN 'pending' ELSE 'sent' END,
           needs_edit = CASE WHEN needs_edit = 2 THEN 1 ELSE 0 END, next_attempt_at = @now,
           message_ids = @ids, in_doubt = 0, last_error_code = NULL, last_error = NULL,
           sent_at = COALESCE(sent_at, @now), updated_at = @now WHERE id = @id`,
      )
      .run({ ids: JSON.stringify(messageIds), now, id });
  }

  markRetry(id: number, nextAttemptAt: string, error: { code: string; message: string; inDoubt: boolean }, now: string): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error_code = ?, last_error = ?, in_doubt = ?, updated_at = ? WHERE id = ?`,
      )
      .run(nextAttemptAt, error.code, error.message, error.inDoubt ? 1 : 0, now, id);
  }

  markDead(id: number, error: { code: string; message: string }, now: string): void {
    this.db
      .prepare(`UPDATE outbox SET state = 'dead', last_error_code = ?, last_error = ?, updated_at = ? WHERE id = ?`)
      .run(error.code, error.message, now, id);
  }

  /** An operator's second chance for a dead item (after fixing the permission, say). */
  revive(id: number, now: string): boolean {
    return (
      this.db
        .prepare(`UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ? AND state = 'dead'`)
        .run(now, now, id).changes > 0
    );
  }

  list(options: { state?: OutboxState; limit?: number } = {}): OutboxItem[] {
    const rows = this.db
      .prepare(`SELECT * FROM outbox WHERE (@state IS NULL OR state = @state) ORDER BY id DESC LIMIT @limit`)
      .all({ state: options.state ?? null, limit: options.limit ?? -1 }) as OutboxRow[];
    return rows.map(toItem);
  }

  counts(): Record<OutboxState, number> {
    const counts: Record<OutboxState, number> = { pending: 0, sending: 0, sent: 0, dead: 0 };
    for (const row of this.db.prepare('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state').all() as { state: OutboxState; n: number }[]) {
      counts[row.state] = row.n;
    }
    return counts;
  }

  /** The newest item of a kind for a channel (the last digest, the last alert). */
  latestFor(channel: ChannelRef, kind: OutboxKind): OutboxItem | undefined {
    const row = this.db
      .prepare(`SELECT * FROM outbox WHERE platform = ? AND workspace = ? AND channel = ? AND kind = ? ORDER BY id DESC LIMIT 1`)
      .get(channel.platform, channel.workspace, channel.channel, kind) as OutboxRow | undefined;
    return row && toItem(row);
  }

  /** Where this channel's last digest window ended: the next one starts there. */
  lastDigestUntil(channel: ChannelRef): string | undefined {
    return (
      (this.db
        .prepare(`SELECT MAX(window_until) FROM outbox WHERE platform = ? AND workspace = ? AND channel = ? AND kind = 'digest'`)
        .pluck()
        .get(channel.platform, channel.workspace, channel.channel) as string | null) ?? undefined
    );
  }
}
