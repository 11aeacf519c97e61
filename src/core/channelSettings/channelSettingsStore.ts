import type { Clock } from '../clock.ts';
import type { ChannelRef } from '../commands/command.ts';
import { appError, err, ok, type AppError, type Result } from '../result.ts';
import type { Db } from '../store/database.ts';

/** A role (or user group) id as platforms write them: Discord snowflakes are 17–20 digits. */
const ROLE_ID = /^\d{5,25}$/;

/**
 * Settings an operator chooses per channel. Today one: the role to notify above policy
 * alerts (digests and answers never ping). Adapters read it through the Core, never by SQL.
 */
export class ChannelSettingsStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  alertRole(channel: ChannelRef): string | undefined {
    const row = this.db
      .prepare('SELECT alert_role FROM channel_settings WHERE platform = ? AND workspace = ? AND channel = ?')
      .get(channel.platform, channel.workspace, channel.channel) as { alert_role: string | null } | undefined;
    return row?.alert_role ?? undefined;
  }

  /** Sets the role, or clears it with `undefined`. */
  setAlertRole(channel: ChannelRef, roleId: string | undefined): Result<void, AppError> {
    if (roleId !== undefined && !ROLE_ID.test(roleId)) {
      return err(appError('channel-settings/bad-role', `"${roleId.slice(0, 40)}" is not a role id: copy it with Developer Mode on (Server Settings → Roles → right-click → Copy Role ID).`));
    }
    this.db
      .prepare(
        `INSERT INTO channel_settings (platform, workspace, channel, alert_role, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (platform, workspace, channel) DO UPDATE SET alert_role = excluded.alert_role, updated_at = excluded.updated_at`,
      )
      .run(channel.platform, channel.workspace, channel.channel, roleId ?? null, this.clock.now().toISOString());
    return ok(undefined);
  }
}
