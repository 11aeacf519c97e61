import type { App, types } from '@slack/bolt';
import type { CommandContext } from '../../core/commands/context.ts';
import type { Reply } from '../../core/reply.ts';
import type { AdapterDeps } from './adapterDeps.ts';
import { subscriptionsReply, userChannels } from './homeSubscriptions.ts';
import { renderReply } from './render.ts';

/** Slack allows 100 blocks in a Home tab; status gets one message's worth, the rest is ours. */
const HOME_STATUS_BLOCKS = 50;

/**
 * The App Home tab: published each time someone opens it, so it is always current.
 * It shows the tracked policies' status (the same Reply as `/brief status`) and what the
 * person's channels are subscribed to.
 */
export function registerAppHome(app: App, deps: AdapterDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const team = (body as { team_id?: string }).team_id ?? '';
    const context: CommandContext = {
      core: deps.core,
      channel: { platform: 'slack', workspace: team, channel: event.channel },
      user: await deps.rights.userRef(event.user, false),
    };
    const status = await deps.run({ name: 'status' }, context);
    const channels = await userChannels(client, event.user, deps.logger);
    const subscriptions = subscriptionsReply(team, channels, (channel) => deps.core.delivery.subscriptions.forChannel(channel));
    try {
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: homeBlocks(status, subscriptions) } });
    } catch (error) {
      deps.logger.error({ err: error, user: event.user }, 'could not publish the App Home view');
    }
  });
}

export function homeBlocks(status: Reply, subscriptions: Reply): types.KnownBlock[] {
  const [statusPage] = renderReply(status);
  const [subscriptionsPage] = renderReply(subscriptions);
  return [
    ...(statusPage?.blocks ?? []).slice(0, HOME_STATUS_BLOCKS),
    { type: 'divider' },
    ...(subscriptionsPage?.blocks ?? []).slice(0, 100 - HOME_STATUS_BLOCKS - 1),
  ];
}
