import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.ts';
import type { UserRef } from '../../core/commands/command.ts';

/** How long a users.info answer is trusted: admin changes are rare, commands come in bursts. */
const CACHE_MS = 5 * 60 * 1000;

/**
 * Decides whether a Slack user may change feeds, topics and subscriptions: a workspace
 * admin or owner (users.info), or someone the operator listed in SLACK_ADMIN_USERS.
 * The core only sees the verdict (`UserRef.isAdmin`) and the words for a refusal.
 */
export class SlackAdminRights {
  private readonly cache = new Map<string, { readonly isAdmin: boolean; readonly until: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly allowList: readonly string[],
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Who may do admin things, in words for a refusal (no ids: they mean nothing to people). */
  get hint(): string {
    return this.allowList.length > 0
      ? "a Slack workspace admin or owner, or someone on newsbrief's SLACK_ADMIN_USERS list"
      : 'a Slack workspace admin or owner';
  }

  /** Looks the user up only when the command needs it: asking and searching cost no API call. */
  async userRef(userId: string, needsAdmin: boolean): Promise<UserRef> {
    const isAdmin = needsAdmin ? await this.isAdmin(userId) : false;
    return { id: userId, isAdmin, adminHint: this.hint };
  }

  async isAdmin(userId: string): Promise<boolean> {
    if (this.allowList.includes(userId)) return true;
    const now = this.clock.now().getTime();
    const cached = this.cache.get(userId);
    if (cached && cached.until > now) return cached.isAdmin;
    try {
      const { user } = await this.client.users.info({ user: userId });
      const isAdmin = Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
      this.cache.set(userId, { isAdmin, until: now + CACHE_MS });
      return isAdmin;
    } catch (error) {
      // Fail closed: without users.info (missing users:read, Slack down) nobody gets admin rights.
      this.logger.warn({ err: error, user: userId }, 'users.info failed; treating the user as not an admin');
      return false;
    }
  }
}
