import { DiscordAPIError, HTTPError } from 'discord.js';
import type { ChannelRef } from '../../core/commands/command.ts';

/** A Discord call that did not work, in the outbox's terms: retry or dead, with words. */
export interface DiscordFailure {
  readonly ok: false;
  readonly retry: boolean;
  readonly code: string;
  readonly message: string;
}

const where = (channel: ChannelRef) => channel.channelName ?? `channel ${channel.channel}`;

/** Discord's JSON error codes that no retry can fix, and what a person can do about each. */
const DEAD: Readonly<Record<number, (channel: ChannelRef) => string>> = {
  50001: (c) => `newsbrief cannot see ${where(c)} (Missing Access): give the bot View Channel there, or invite it to the server again.`,
  50013: (c) => `newsbrief may not post in ${where(c)} (Missing Permissions): give the bot Send Messages and Embed Links there.`,
  10003: (c) => `${where(c)} no longer exists (Unknown Channel): subscribe another channel.`,
  10004: (c) => `The server of ${where(c)} no longer has newsbrief (Unknown Guild).`,
  50035: () => 'Discord refused the message as malformed (Invalid Form Body); this is a newsbrief bug, logged for the maintainers.',
  10008: () => 'The message to update was deleted (Unknown Message).',
};

/**
 * Error → failure. 429s never arrive here: @discordjs/rest waits out `retry_after` and
 * retries by itself. 5xx and network errors (after the library's own retries) are worth
 * another attempt later; everything else is dead with words.
 */
export function discordFailure(error: unknown, channel: ChannelRef): DiscordFailure {
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    const words = DEAD[code];
    if (words) return { ok: false, retry: false, code: `discord/${code}`, message: words(channel) };
    if (error.status === 401) return { ok: false, retry: false, code: 'discord/unauthorized', message: 'Discord refused DISCORD_TOKEN: reset the bot token in the Developer Portal and update .env.' };
    if (error.status >= 500) return { ok: false, retry: true, code: `discord/${error.status}`, message: `Discord had a server error (${error.status}); will try again.` };
    return { ok: false, retry: false, code: `discord/${code || error.status}`, message: `Discord refused the message: ${error.message}` };
  }
  if (error instanceof HTTPError) {
    return { ok: false, retry: error.status >= 500, code: `discord/http-${error.status}`, message: `Discord answered HTTP ${error.status}${error.status >= 500 ? '; will try again' : ''}.` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, retry: true, code: 'discord/network', message: `Could not reach Discord (${message.slice(0, 120)}); will try again.` };
}
