import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ChannelRef } from '../../core/commands/command.ts';
import type { Reply, ReplySection } from '../../core/reply.ts';
import type { Subscription } from '../../core/subscriptions/subscription.ts';

export interface SlackChannel {
  readonly id: string;
  readonly name?: string;
}

/** The channels a person is in, as far as the bot may see (public, and private ones it was invited to). */
export async function userChannels(client: webApi.WebClient, user: string, logger: Logger): Promise<SlackChannel[] | undefined> {
  try {
    const channels: SlackChannel[] = [];
    let cursor: string | undefined;
    // At most five pages of 200: enough for a Home tab, bounded for a person in thousands of channels.
    for (let page = 0; page < 5; page++) {
      const result = await client.users.conversations({ user, types: 'public_channel,private_channel', exclude_archived: true, limit: 200, ...(cursor ? { cursor } : {}) });
      for (const channel of result.channels ?? []) if (channel.id) channels.push({ id: channel.id, ...(channel.name ? { name: channel.name } : {}) });
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return channels;
  } catch (error) {
    logger.warn({ err: error, user }, 'users.conversations failed; the App Home shows no subscriptions');
    return undefined;
  }
}

const describe = (subscription: Subscription): string =>
  subscription.kind === 'digest'
    ? `Daily digest at ${subscription.timeOfDay} ${subscription.zone}`
    : `Alerts for ${subscription.target ? `“${subscription.target}”` : 'every tracked policy'}`;

/** "Your channels' subscriptions" as a Reply, so it renders like everything else. */
export function subscriptionsReply(team: string, channels: readonly SlackChannel[] | undefined, forChannel: (channel: ChannelRef) => readonly Subscription[]): Reply {
  const title = "Your channels' subscriptions";
  if (!channels) return { kind: 'info', title, sections: [{ text: 'Slack did not let newsbrief list your channels (the app needs channels:read and groups:read).' }] };
  const sections: ReplySection[] = channels.flatMap((channel) => {
    const subscriptions = forChannel({ platform: 'slack', workspace: team, channel: channel.id });
    return subscriptions.length === 0 ? [] : [{ heading: `#${channel.name ?? channel.id}`, text: subscriptions.map(describe).join('\n') }];
  });
  if (sections.length === 0) return { kind: 'info', title, sections: [{ text: 'None of your channels has a digest or alerts yet. In a channel, try /brief subscribe digest 08:00 Europe/Kyiv.' }] };
  return { kind: 'info', title, sections };
}
