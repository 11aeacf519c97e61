import type { App, BlockButtonAction } from '@slack/bolt';
import type { Reply } from '../../core/reply.ts';
import type { AdapterDeps } from './adapterDeps.ts';
import { isChannelName, POST_TO_CHANNEL_ACTION, slackContext, type ShareValue } from './briefCommand.ts';
import { escapeMrkdwn } from './mrkdwn.ts';

/**
 * The "Post to channel" button under a private answer: posts the same answer for everyone
 * (chat.postMessage, so rate limits and "invite the app" are handled like any delivery),
 * then replaces the private copy with a short confirmation.
 */
export function registerPostToChannel(app: App, deps: AdapterDeps): void {
  app.action<BlockButtonAction>(POST_TO_CHANNEL_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    const value = readValue(action.value);
    const channel = body.channel?.id;
    if (!value || !channel) {
      deps.logger.warn({ value: action.value }, 'Post to channel: unreadable button');
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'That button no longer works; run the command again.' });
      return;
    }
    const team = body.team?.id ?? body.user.team_id ?? '';
    const reply = deps.answers.get(value.id) ?? (await rerun(deps, { team, channel, user: body.user.id, text: value.text }));
    const shared: Reply = { ...reply, ephemeral: false, footer: [reply.footer, `Shared by ${body.user.name ?? 'someone'}`].filter(Boolean).join(' · ') };
    const result = await deps.delivery.send({ key: `share:${value.id}:${body.container?.message_ts ?? ''}`, channel: { platform: 'slack', workspace: team, channel, ...(isChannelName(body.channel?.name) ? { channelName: `#${body.channel!.name}` } : {}) }, reply: shared });
    if (result.ok) {
      await respond({ replace_original: true, text: 'Posted to the channel.' });
    } else {
      await respond({ response_type: 'ephemeral', replace_original: false, text: `Could not post it: ${escapeMrkdwn(result.message)}` });
    }
  });
}

function readValue(raw: string | undefined): ShareValue | undefined {
  try {
    const value = JSON.parse(raw ?? '') as Partial<ShareValue>;
    return typeof value.id === 'string' && typeof value.text === 'string' ? { id: value.id, text: value.text } : undefined;
  } catch {
    return undefined;
  }
}

/** After a restart the cached answer is gone: run the command again for the person who clicked. */
async function rerun(deps: AdapterDeps, request: { team: string; channel: string; user: string; text: string }): Promise<Reply> {
  deps.logger.info({ user: request.user }, 'Post to channel: answer no longer cached, running the command again');
  return deps.run(request.text, await slackContext(deps, request));
}
