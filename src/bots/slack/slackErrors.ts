import { webApi } from '@slack/bolt';
import type { ChannelRef } from '../../core/commands/command.ts';

/** A Slack call that failed, in the outbox's terms: try again later, or never without a person. */
export interface SlackFailure {
  readonly ok: false;
  readonly retry: boolean;
  readonly retryAfterMs?: number;
  readonly code: string;
  readonly message: string;
}

const where = (channel: ChannelRef): string => channel.channelName ?? `channel ${channel.channel}`;

/** Slack error strings that go away on their own (their outage, our network). */
const TRANSIENT = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'team_added_to_org']);

/** Words a person can act on, per Slack error; the key is Slack's own error string. */
function advice(error: string, channel: ChannelRef, needed?: string): string {
  const name = where(channel);
  switch (error) {
    case 'not_in_channel':
      return `newsbrief is not a member of ${name}: invite the app to ${name} (type /invite @newsbrief there), then it will deliver.`;
    case 'channel_not_found':
      return `Slack cannot find ${name}: it was deleted, or it is private and the app was never invited. Invite the app, or unsubscribe that channel.`;
    case 'is_archived':
      return `${name} is archived: unarchive it or remove its subscriptions.`;
    case 'missing_scope':
      return `The Slack app lacks the permission "${needed ?? 'unknown'}": add it (slack/manifest.yaml lists every scope) and reinstall the app.`;
    case 'invalid_auth':
    case 'not_authed':
    case 'token_revoked':
    case 'account_inactive':
      return 'Slack rejected the bot token: set a valid SLACK_BOT_TOKEN (xoxb-…) and restart newsbrief.';
    case 'message_not_found':
    case 'cant_update_message':
      return `The earlier message in ${name} is gone or no longer editable; it was not updated.`;
    case 'restricted_action':
      return `A workspace setting stops the app from posting in ${name}; ask a Slack admin to allow it.`;
    default:
      return TRANSIENT.has(error)
        ? `Slack is having trouble (${error}); newsbrief will try again.`
        : `Slack refused the message for ${name} (${error}).`;
  }
}

/** Translates whatever the WebClient threw into a SlackFailure. */
export function slackFailure(error: unknown, channel: ChannelRef): SlackFailure {
  const coded = error as { code?: string; data?: { error?: string; needed?: string }; retryAfter?: number; statusCode?: number };
  switch (coded.code) {
    case webApi.ErrorCode.RateLimitedError: {
      const seconds = coded.retryAfter ?? 1;
      return { ok: false, retry: true, retryAfterMs: seconds * 1000, code: 'slack/ratelimited', message: `Slack asked newsbrief to slow down; it will post to ${where(channel)} again in ${seconds} s.` };
    }
    case webApi.ErrorCode.PlatformError: {
      const slackError = coded.data?.error ?? 'unknown_error';
      return { ok: false, retry: TRANSIENT.has(slackError), code: `slack/${slackError}`, message: advice(slackError, channel, coded.data?.needed) };
    }
    case webApi.ErrorCode.HTTPError: {
      const status = coded.statusCode ?? 0;
      return { ok: false, retry: status >= 500, code: `slack/http-${status}`, message: `Slack answered HTTP ${status}; ${status >= 500 ? 'newsbrief will try again' : 'check SLACK_API_URL'}.` };
    }
    case webApi.ErrorCode.RequestError:
      return { ok: false, retry: true, code: 'slack/network', message: `newsbrief could not reach Slack (${(error as Error).message}); it will try again.` };
    default:
      throw error; // a bug in our code, not a Slack answer: let the caller's error handling log it
  }
}

/**
 * Why the adapter could not start, in words that name the setting to fix. Slack's own error
 * string stays in the message so it can be searched for.
 */
export function startupError(error: unknown, step: 'bot token' | 'app token', apiUrl: string | undefined): Error {
  const coded = error as { code?: string; data?: { error?: string } };
  const key = step === 'bot token' ? 'SLACK_BOT_TOKEN (xoxb-…)' : 'SLACK_APP_TOKEN (xapp-…, with connections:write)';
  if (coded.code === webApi.ErrorCode.PlatformError) {
    const slackError = coded.data?.error ?? 'unknown_error';
    const words = ['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive', 'not_allowed_token_type'].includes(slackError)
      ? `Slack rejected ${key} (${slackError}): copy it again from the app's settings.`
      : `Slack refused to start the app (${slackError}).`;
    return new Error(words, { cause: error });
  }
  if (coded.code === webApi.ErrorCode.RequestError || coded.code === webApi.ErrorCode.HTTPError) {
    return new Error(`newsbrief could not reach Slack at ${apiUrl ?? 'https://slack.com/api/'} (${(error as Error).message}); check the network or SLACK_API_URL.`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}
