import { digestReply } from '../../digest/digestReply.ts';
import { windowFor } from '../../digest/windowFor.ts';
import type { Handler } from '../handler.ts';

/** `/brief digest [today|week]`: the digest for this channel, now, without touching the schedule. */
export const digest: Handler<'digest'> = (command, { core, channel }) => {
  const window = windowFor(command.window, channel, core.delivery, core.clock.now());
  return digestReply(core.delivery.digests.build(window, channel), core.delivery.digests.signals(window));
};
