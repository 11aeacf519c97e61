import type { Core } from '../core.ts';
import type { ChannelRef, UserRef } from './command.ts';

/** Everything a handler may use: the core, and who asked from where. */
export interface CommandContext {
  readonly core: Core;
  readonly channel: ChannelRef;
  readonly user: UserRef;
}

/** The CLI and local tools act as the operator: admin on a local channel. */
export const localContext = (core: Core, channel = 'local'): CommandContext => ({
  core,
  channel: { platform: 'cli', workspace: 'local', channel },
  user: { id: 'operator', isAdmin: true },
});
