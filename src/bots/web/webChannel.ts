import type { ChannelRef, UserRef } from '../../core/commands/command.ts';

/** The page's channel when none is named: one local room, like a fresh Slack workspace's #general. */
export const DEFAULT_CHANNEL = 'general';

/** Channel names as the page and API accept them: short, lower-case, URL-safe. */
export const CHANNEL_PATTERN = '^[a-z0-9][a-z0-9_-]{0,31}$';

export const webChannel = (channel: string = DEFAULT_CHANNEL): ChannelRef => ({
  platform: 'web',
  workspace: 'local',
  channel,
  channelName: `#${channel}`,
});

/**
 * Who is typing. The web chat has no accounts: on loopback the person is at this machine, and
 * beyond it they had to present WEB_TOKEN. Either way they are the operator, hence admin.
 */
export const webUser = (clientAddress: string): UserRef => ({
  id: `web:${clientAddress}`,
  isAdmin: true,
  adminHint: 'the operator of this newsbrief (whoever holds WEB_TOKEN)',
});

/**
 * Plain text is a question; text starting with `/` is a command (so "brief me on ATACMS"
 * stays a question), and the `/brief` prefix is optional: "/ask …" means "/brief ask …".
 * "did the US allow strikes?" → `/brief ask did the US allow strikes?`
 */
export function commandText(typed: string): string {
  const text = typed.trim();
  if (/^\/brief\b/i.test(text)) return text;
  if (text.startsWith('/')) return `/brief ${text.slice(1)}`;
  return `/brief ask ${text}`;
}
