import type { App, RespondFn, types } from '@slack/bolt';
import { performance } from 'node:perf_hooks';
import { requiresAdmin } from '../../core/commands/command.ts';
import type { CommandContext } from '../../core/commands/context.ts';
import { parseCommand } from '../../core/commands/grammar.ts';
import { errorReply, type Reply } from '../../core/reply.ts';
import type { AdapterDeps } from './adapterDeps.ts';
import { commandText } from './commandText.ts';
import { renderReply } from './render.ts';

export const POST_TO_CHANNEL_ACTION = 'newsbrief_post_to_channel';
/** A response_url accepts five messages; longer answers show four parts and a note. */
const RESPONSE_URL_MESSAGES = 5;

/** What a "Post to channel" button carries: the cached answer, and the command to rerun if it is gone. */
export interface ShareValue {
  readonly id: string;
  readonly text: string;
}

export function postToChannelBlock(value: ShareValue): types.KnownBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: POST_TO_CHANNEL_ACTION,
        text: { type: 'plain_text', text: 'Post to channel' },
        // Slack caps a button value at 2,000 characters.
        value: JSON.stringify({ id: value.id, text: value.text.slice(0, 1800) }),
      },
    ],
  };
}

/** Slack sends placeholders, not names, for direct messages and some private conversations. */
export const isChannelName = (name: string | undefined): name is string => Boolean(name) && name !== 'directmessage' && name !== 'privategroup' && !name!.startsWith('mpdm-');

/** The Slack context of a request, with the admin verdict only looked up when it matters. */
export async function slackContext(deps: AdapterDeps, request: { team: string; channel: string; channelName?: string; user: string; text: string }): Promise<CommandContext> {
  const parsed = parseCommand(request.text);
  const needsAdmin = parsed.ok && requiresAdmin(parsed.value);
  return {
    core: deps.core,
    channel: { platform: 'slack', workspace: request.team, channel: request.channel, ...(isChannelName(request.channelName) ? { channelName: `#${request.channelName}` } : {}) },
    user: await deps.rights.userRef(request.user, needsAdmin),
  };
}

/**
 * `/brief …`: ack at once (Slack gives 3 s), then work, then answer through response_url.
 * Help, errors and refusals stay private; answers are private with a "Post to channel" button.
 */
export function registerBriefCommand(app: App, deps: AdapterDeps): void {
  app.command(/^\/.+/, async ({ ack, command, respond, context }) => {
    await ack();
    const receivedAt = typeof context.receivedAt === 'number' ? context.receivedAt : performance.now();
    deps.onAck?.({ ms: performance.now() - receivedAt, mode: deps.mode, command: command.command });
    const text = commandText(command.text);
    const reply = await answer(deps, { ...command, text });
    await sendPrivately(deps, respond, reply, text);
  });
}

async function answer(deps: AdapterDeps, command: { text: string; team_id: string; channel_id: string; channel_name?: string; user_id: string }): Promise<Reply> {
  const parsed = parseCommand(command.text);
  // Bounded label values: a subcommand name, or "invalid" for anything unparseable.
  const labels = { command: parsed.ok ? parsed.value.name : 'invalid', platform: 'slack' };
  try {
    const context = await slackContext(deps, { team: command.team_id, channel: command.channel_id, channelName: command.channel_name, user: command.user_id, text: command.text });
    const reply = await deps.core.metrics.time('command_seconds', labels, () => deps.run(command.text, context));
    deps.core.metrics.increment('commands', labels);
    return reply;
  } catch (error) {
    deps.logger.error({ err: error }, 'slack command failed');
    return errorReply('Something went wrong', 'newsbrief could not finish that command. The error was logged; try again in a moment.');
  }
}

async function sendPrivately(deps: AdapterDeps, respond: RespondFn, reply: Reply, text: string): Promise<void> {
  const shareable = !reply.ephemeral;
  const trailing = shareable ? [postToChannelBlock({ id: deps.answers.put(reply), text })] : [];
  let messages = renderReply(reply, { trailingBlocks: trailing });
  if (messages.length > RESPONSE_URL_MESSAGES) {
    // Four parts privately, then a note: the whole answer can still go to the channel.
    const note = renderReply(
      { kind: 'info', title: `${reply.title} (more)`, sections: [{ text: `This answer has ${messages.length} parts and Slack shows at most ${RESPONSE_URL_MESSAGES} privately. ${shareable ? 'Post to channel shares all of it.' : 'Narrow the command to see the rest.'}` }] },
      { trailingBlocks: trailing },
    );
    messages = [...renderReply(reply).slice(0, RESPONSE_URL_MESSAGES - 1), ...note];
  }
  for (const message of messages) {
    try {
      await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
    } catch (error) {
      deps.logger.error({ err: error }, 'could not answer through response_url');
      return;
    }
  }
}
