import type { ChannelRef } from '../commands/command.ts';
import type { Db } from '../store/database.ts';
import type { Subscription } from './subscription.ts';

interface SubscriptionRow {
  id: number;
  platform: ChannelRef['platform'];
  workspace: string;
  channel: string;
  channel_name: string | null;
  kind: 'digest' | 'alerts';
  target: string;
  time_of_day: string | null;
  zone: string | null;
  created_at: string;
  last_slot_at: string | null;
}

const toSubscription = (row: SubscriptionRow): Subscription => {
  const channel: ChannelRef = {
    platform: row.platform,
    workspace: row.workspace,
    channel: row.channel,
    ...(row.channel_name ? { channelName: row.channel_name } : {}),
  };
  const base = { id: row.id, channel, createdAt: row.created_at, lastSlotAt: row.last_slot_at };
  return row.kind === 'digest'
    ? { ...base, kind: 'digest', timeOfDay: row.time_of_day ?? '08:00', zone: row.zone ?? 'UTC' }
    : { ...base, kind: 'alerts', target: row.target };
};

const channelParams = (channel: ChannelRef) => ({
  platform: channel.platform,
  workspace: channel.workspace,
  channel: channel.channel,
});

/** The only place that reads and writes `subscriptions`. */
export class SubscriptionStore {
  constructor(private readonly db: Db) {}

  /**
   * One digest per channel: subscribing again changes its time and zone. `handledUntil` is the
   * latest slot at or before now, so a new subscription never "catches up" on a slot that passed
   * before it existed.
   */
  setDigest(channel: ChannelRef, timeOfDay: string, zone: string, now: string, handledUntil: string, by?: string): Subscription {
    this.db
      .prepare(
        `INSERT INTO subscriptions (platform, workspace, channel, channel_name, kind, target, time_of_day, zone, created_at, created_by, last_slot_at)
         VALUES (@platform, @workspace, @channel, @channelName, 'digest', '', @timeOfDay, @zone, @now, @by, @handledUntil)
         ON CONFLICT (platform, workspace, channel, kind, target) DO UPDATE SET
           time_of_day = excluded.time_of_day, zone = excluded.zone, channel_name = excluded.channel_name,
           last_slot_at = MAX(COALESCE(last_slot_at, ''), excluded.last_slot_at)`,
      )
      .run({ ...channelParams(channel), channelName: channel.channelName ?? null, timeOfDay, zone, now, by: by ?? null, handledUntil });
    return this.find(channel, 'digest', '')!;
  }

  /** Alerts for one target ('' = every tracked policy); returns false when it already existed. */
  addAlerts(channel: ChannelRef, target: string, now: string, by?: string): boolean {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO subscriptions (platform, workspace, channel, channel_name, kind, target, created_at, created_by)
         VALUES (@platform, @workspace, @channel, @channelName, 'alerts', @target, @now, @by)`,
      )
      .run({ ...channelParams(channel), channelName: channel.channelName ?? null, target, now, by: by ?? null });
    return result.changes > 0;
  }

  /** Removes a digest, or alerts for one target (undefined target: every alerts row). Returns how many. */
  remove(channel: ChannelRef, kind: 'digest' | 'alerts', target?: string): number {
    const sql =
      kind === 'alerts' && target === undefined
        ? `DELETE FROM subscriptions WHERE platform=@platform AND workspace=@workspace AND channel=@channel AND kind='alerts'`
        : `DELETE FROM subscriptions WHERE platform=@platform AND workspace=@workspace AND channel=@channel AND kind=@kind AND target=@target`;
    return this.db.prepare(sql).run({ ...channelParams(channel), kind, target: target ?? '' }).changes;
  }

  find(channel: ChannelRef, kind: 'digest' | 'alerts', target: string): Subscription | undefined {
    const row = this.db
      .prepare(`SELECT * FROM subscriptions WHERE platform=@platform AND workspace=@workspace AND channel=@channel AND kind=@kind AND target=@target`)
      .get({ ...channelParams(channel), kind, target }) as SubscriptionRow | undefined;
    return row && toSubscription(row);
  }

  forChannel(channel: ChannelRef): Subscription[] {
    const rows = this.db
      .prepare(`SELECT * FROM subscriptions WHERE platform=@platform AND workspace=@workspace AND channel=@channel ORDER BY kind, target`)
      .all(channelParams(channel)) as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  digests(): Extract<Subscription, { kind: 'digest' }>[] {
    const rows = this.db.prepare(`SELECT * FROM subscriptions WHERE kind = 'digest' ORDER BY id`).all() as SubscriptionRow[];
    return rows.map(toSubscription) as Extract<Subscription, { kind: 'digest' }>[];
  }

  /** Channels that want alerts for `target` (a policy id or topic name) or for everything. */
  alertChannels(targets: readonly string[]): Subscription[] {
    const rows = this.db.prepare(`SELECT * FROM subscriptions WHERE kind = 'alerts' ORDER BY id`).all() as SubscriptionRow[];
    const wanted = new Set(['', ...targets.map((t) => t.toLowerCase())]);
    const seen = new Set<string>();
    return rows
      .filter((row) => wanted.has(row.target.toLowerCase()))
      .filter((row) => {
        const key = `${row.platform}/${row.workspace}/${row.channel}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map(toSubscription);
  }

  markSlotHandled(id: number, slotAt: string): void {
    this.db.prepare('UPDATE subscriptions SET last_slot_at = ? WHERE id = ?').run(slotAt, id);
  }
}
