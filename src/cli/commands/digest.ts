import type { Command } from 'commander';
import type { ChannelRef } from '../../core/commands/command.ts';
import { digestReply } from '../../core/digest/digestReply.ts';
import { printReply } from '../output.ts';
import { withRuntime, type GlobalOptions } from '../runtime.ts';

/**
 * "2024-09-01" or a full ISO date-time → ISO UTC; undefined when it is not a date. The day must
 * exist: Date.parse rolls 2024-02-30 over to March 1, a window nobody asked for.
 */
function isoInstant(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
  const ms = Date.parse(text.trim());
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** "slack/T01/C02" names a platform channel; a bare name is a local (CLI) channel. */
function parseChannel(text: string): ChannelRef {
  const parts = text.split('/');
  if (parts.length === 3 && ['slack', 'discord', 'web', 'cli'].includes(parts[0]!)) {
    return { platform: parts[0] as ChannelRef['platform'], workspace: parts[1]!, channel: parts[2]! };
  }
  return { platform: 'cli', workspace: 'local', channel: text };
}

export function registerDigest(program: Command): void {
  program
    .command('digest')
    .description('the digest for a window: policy status, stories with their sources, counts')
    .option('--since <ISO>', 'window start (default: where the channel’s last digest ended, or 24 hours ago)')
    .option('--until <ISO>', 'window end (default: now)')
    .option('--channel <channel>', 'whose topics to use: platform/workspace/channel, or a local name')
    .option('--json', 'print the digest as JSON: {window, status, stories, counts}')
    .action(async (options: { since?: string; until?: string; channel?: string }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const since = options.since === undefined ? undefined : isoInstant(options.since);
      const until = options.until === undefined ? undefined : isoInstant(options.until);
      if (options.since !== undefined && !since) cmd.error(`--since: "${options.since}" is not an ISO date of a day that exists (e.g. 2024-09-01 or 2024-09-01T08:00:00Z)`, { exitCode: 2 });
      if (options.until !== undefined && !until) cmd.error(`--until: "${options.until}" is not an ISO date of a day that exists (e.g. 2024-09-02 or 2024-09-02T08:00:00Z)`, { exitCode: 2 });
      await withRuntime(globals, ({ core }) => {
        const channel = options.channel ? parseChannel(options.channel) : undefined;
        const end = until ?? core.clock.now().toISOString();
        const start = since ?? (channel && core.delivery.outbox.lastDigestUntil(channel)) ?? new Date(Date.parse(end) - 86_400_000).toISOString();
        if (start > end) cmd.error(`--since (${start}) is after --until (${end})`, { exitCode: 2 });
        const window = { since: start, until: end };
        printReply(globals.json, digestReply(core.delivery.digests.build(window, channel), core.delivery.digests.signals(window)));
      });
    });
}
