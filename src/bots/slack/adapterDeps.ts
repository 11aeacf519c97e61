import type { Logger } from 'pino';
import type { Command } from '../../core/commands/command.ts';
import type { CommandContext } from '../../core/commands/context.ts';
import type { Core } from '../../core/core.ts';
import type { Reply } from '../../core/reply.ts';
import type { SlackAdminRights } from './adminRights.ts';
import type { AnswerCache } from './answerCache.ts';
import type { SlackDeliveryPort } from './deliveryPort.ts';

/** The core's single entry (`runCommand`); injectable so tests can hand in slow or huge Replies. */
export type CommandRunner = (input: string | Command, context: CommandContext) => Promise<Reply>;

/** How long a Slack request waited for its ack, and over which transport. */
export interface AckTiming {
  readonly ms: number;
  readonly mode: 'http' | 'socket';
  readonly command: string;
}

/** What every Slack listener shares. */
export interface AdapterDeps {
  readonly core: Core;
  readonly run: CommandRunner;
  readonly rights: SlackAdminRights;
  readonly answers: AnswerCache;
  readonly delivery: SlackDeliveryPort;
  readonly logger: Logger;
  readonly mode: 'http' | 'socket';
  readonly onAck?: (timing: AckTiming) => void;
}
