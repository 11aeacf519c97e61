import { digestReply } from '../../digest/digestReply.ts';
import { windowFor } from '../../digest/windowFor.ts';
import { infoReply } from '../../reply.ts';
import type { Handler } from '../handler.ts';

/**
 * `/brief preview digest|alert`: exactly what would be posted here, shown only to the asker.
 * The digest is the one the next scheduled run would write now (since the last digest); the
 * alert is this channel's latest queued or posted alert as it stands.
 */
export const preview: Handler<'preview'> = (command, { core, channel }) => {
  if (command.what === 'digest') {
    const window = windowFor('since-last', channel, core.delivery, core.clock.now());
    return { ...digestReply(core.delivery.digests.build(window, channel), core.delivery.digests.signals(window)), ephemeral: true };
  }
  const latest = core.delivery.outbox.latestFor(channel, 'alert');
  if (!latest) {
    return infoReply('No alert yet', 'No alert has been raised for this channel yet. Alerts are posted when a tracked policy changes; /brief subscribe alerts turns them on.', { ephemeral: true });
  }
  return { ...latest.reply, ephemeral: true };
};
