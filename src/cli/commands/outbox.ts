import type { Command } from 'commander';
import type { OutboxItem, OutboxState } from '../../core/outbox/outboxItem.ts';
import { channelKey } from '../../core/subscriptions/subscription.ts';
import { printResult } from '../output.ts';
import { wholeNumber } from '../wholeNumber.ts';
import { withRuntime, type GlobalOptions } from '../runtime.ts';

const STATES: readonly OutboxState[] = ['pending', 'sending', 'sent', 'dead'];

const view = (item: OutboxItem) => ({
  id: item.id,
  key: item.key,
  kind: item.kind,
  channel: channelKey(item.channel),
  channelName: item.channel.channelName ?? null,
  title: item.reply.title,
  state: item.state,
  attempts: item.attempts,
  nextAttemptAt: item.state === 'pending' ? item.nextAttemptAt : null,
  messageIds: item.messageIds,
  inDoubt: item.inDoubt,
  lastErrorCode: item.lastErrorCode,
  lastError: item.lastError,
  createdAt: item.createdAt,
  sentAt: item.sentAt,
});

const line = (v: ReturnType<typeof view>) =>
  `${String(v.id).padStart(5)} ${v.state.padEnd(7)} ${v.kind.padEnd(6)} ${v.channel}  ${v.title}` +
  (v.state === 'dead' || v.lastError ? `\n      ${v.state === 'dead' ? 'gave up' : 'last error'}: ${v.lastError ?? ''} [${v.lastErrorCode ?? ''}]` : '') +
  (v.state === 'pending' && v.attempts > 0 ? `\n      attempt ${v.attempts + 1} at ${v.nextAttemptAt}` : '');

export function registerOutbox(program: Command): void {
  const outbox = program.command('outbox').description('the durable queue of digests and alerts');
  outbox
    .command('list')
    .description('items newest first, with their state and, for dead ones, why')
    .option('--state <state>', `only ${STATES.join(' | ')}`)
    .option('--limit <n>', 'at most this many', wholeNumber('--limit', 1_000_000))
    .option('--json', 'print JSON: {counts, items}')
    .action(async (options: { state?: string; limit?: number }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      if (options.state !== undefined && !STATES.includes(options.state as OutboxState)) {
        cmd.error(`--state: "${options.state}" is not one of ${STATES.join(', ')}`, { exitCode: 2 });
      }
      await withRuntime(globals, ({ core }) => {
        const items = core.delivery.outbox.list({ state: options.state as OutboxState | undefined, limit: options.limit }).map(view);
        const counts = core.delivery.outbox.counts();
        printResult(globals.json, { counts, items }, () =>
          [
            ...items.map(line),
            `${counts.pending} pending, ${counts.sending} in flight, ${counts.sent} sent, ${counts.dead} dead`,
          ].join('\n'),
        );
      });
    });
  outbox
    .command('retry')
    .description('give a dead item another round of attempts (after fixing what killed it)')
    .argument('<id>', 'the item id from outbox list', wholeNumber('the item id'))
    .option('--json', 'print JSON')
    .action(async (id: number, _options: unknown, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      await withRuntime(globals, ({ core }) => {
        const revived = core.delivery.outbox.revive(id, core.clock.now().toISOString());
        printResult(globals.json, { id, revived }, () => (revived ? `Item ${id} is pending again.` : `Item ${id} is not a dead outbox item.`));
        if (!revived) process.exitCode = 1;
      });
    });
}
