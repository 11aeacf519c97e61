import type { FastifyInstance } from 'fastify';
import { SUBCOMMANDS } from '../../../core/commands/grammar.ts';
import { runCommand } from '../../../core/commands/runCommand.ts';
import type { Core } from '../../../core/core.ts';
import type { Reply } from '../../../core/reply.ts';
import { renderWebReply } from '../webReply.ts';
import { CHANNEL_PATTERN, DEFAULT_CHANNEL, commandText, webChannel, webUser } from '../webChannel.ts';

export interface CommandRouteOptions {
  readonly core: Core;
  /** Commands per client per minute. */
  readonly rateLimitPerMinute: number;
}

const commandBody = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1, maxLength: 2000 },
    channel: { type: 'string', pattern: CHANNEL_PATTERN },
  },
} as const;

const channelQuery = {
  type: 'object',
  properties: { channel: { type: 'string', pattern: CHANNEL_PATTERN }, token: { type: 'string' } },
} as const;

/** The subcommand for metric labels; anything else is "other" so labels stay a small set. */
function commandLabel(text: string): string {
  const word = text.replace(/^\/?brief\b/i, '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return SUBCOMMANDS.includes(word) ? word : word === '' ? 'help' : 'other';
}

/** What the side panel shows, each read through the same commands a person could type. */
const PANEL = { status: '/brief status', timeline: '/brief timeline', topics: '/brief topics list', feeds: '/brief feeds list' } as const;

export function registerCommandRoutes(app: FastifyInstance, options: CommandRouteOptions): void {
  const { core } = options;
  const run = async (text: string, channel: string, client: string): Promise<Reply> => {
    const command = commandLabel(text);
    const labels = { command, platform: 'web' };
    const reply = await core.metrics.time('command_seconds', labels, () =>
      runCommand(text, { core, channel: webChannel(channel), user: webUser(client) }),
    );
    core.metrics.increment('commands', labels);
    return renderWebReply(reply);
  };

  app.post<{ Body: { text: string; channel?: string } }>(
    '/api/command',
    {
      schema: { body: commandBody },
      config: { rateLimit: { max: options.rateLimitPerMinute, timeWindow: 60_000 } },
    },
    async (request) => run(commandText(request.body.text), request.body.channel ?? DEFAULT_CHANNEL, request.ip),
  );

  // The panel costs four commands; it gets its own, roomier allowance so refreshing it
  // never eats into what a person may type.
  app.get<{ Querystring: { channel?: string } }>(
    '/api/panel',
    {
      schema: { querystring: channelQuery },
      config: { rateLimit: { max: options.rateLimitPerMinute * 2, timeWindow: 60_000, groupId: 'panel' } },
    },
    async (request) => {
      const channel = request.query.channel ?? DEFAULT_CHANNEL;
      const entries = await Promise.all(Object.entries(PANEL).map(async ([name, text]) => [name, await run(text, channel, request.ip)] as const));
      return Object.fromEntries(entries);
    },
  );
}

export { channelQuery };
