import { errorReply, infoReply } from '../../reply.ts';
import { latestSlot, nextSlot } from '../../schedule/digestSlots.ts';
import type { Core } from '../../core.ts';
import { appError, err, ok, type Result } from '../../result.ts';
import type { ChannelRef } from '../command.ts';
import type { Handler } from '../handler.ts';

/**
 * An alerts target is a tracked policy (by id, actor or short name: "us", "US", "United States"
 * → "us") or one of the channel's topics; nothing means every tracked policy.
 */
function alertTarget(target: string | undefined, core: Core, channel: ChannelRef): Result<string> {
  if (!target) return ok('');
  const policy = core.policies.find(target);
  if (policy) return ok(policy.id);
  const topics = core.topics.forChannel(channel).topics.map((t) => t.topic);
  if (topics.includes(target.toLowerCase())) return ok(target.toLowerCase());
  const policies = core.policies.definitions.map((p) => p.id).join(', ');
  return err(
    appError(
      'subscriptions/unknown-target',
      `“${target.slice(0, 60)}” is neither a tracked policy (${policies}) nor one of this channel's topics (${topics.join(', ') || 'none'}). /brief status and /brief topics list them.`,
    ),
  );
}

const where = (name: string | undefined) => (name ? ` in ${name}` : ' here');

/** `/brief subscribe digest <HH:MM> <zone>` (one digest per channel) or `alerts [policy|topic]`. */
export const subscribe: Handler<'subscribe'> = (command, { core, channel, user }) => {
  const { subscriptions } = core.delivery;
  const now = core.clock.now();
  if (command.kind === 'digest') {
    // Slots up to now count as handled: subscribing at 09:00 to an 08:00 digest starts tomorrow.
    const handled = latestSlot(command.zone, command.time, now).at.toISOString();
    subscriptions.setDigest(channel, command.time, command.zone, now.toISOString(), handled, user.id);
    const next = nextSlot(command.zone, command.time, now);
    return infoReply(
      'Daily digest scheduled',
      `A digest will be posted${where(channel.channelName)} every day at ${command.time} ${command.zone}. The next one: ${next.localDate} ${command.time} (${next.at.toISOString().slice(0, 16).replace('T', ' ')} UTC).`,
      { data: { kind: 'digest', time: command.time, zone: command.zone, next: next.at.toISOString() } },
    );
  }
  const target = alertTarget(command.target, core, channel);
  if (!target.ok) return errorReply('Unknown policy or topic', target.error.message, { code: target.error.code });
  const added = subscriptions.addAlerts(channel, target.value, now.toISOString(), user.id);
  const what = target.value ? `“${target.value}”` : 'every tracked policy';
  const isPolicy = !target.value || core.policies.find(target.value) !== undefined;
  const when = isPolicy ? 'when a policy changes' : 'when an article matching that topic reports a policy change';
  return added
    ? infoReply('Alerts on', `Alerts for ${what} will be posted${where(channel.channelName)} ${when} (a decision enacted or announced).`, { data: { kind: 'alerts', target: target.value } })
    : infoReply('Already subscribed', `This channel already gets alerts for ${what}.`, { ephemeral: true, data: { kind: 'alerts', target: target.value } });
};

/** `/brief unsubscribe digest` or `alerts [policy|topic]` (no target: every alerts subscription). */
export const unsubscribe: Handler<'unsubscribe'> = (command, { core, channel }) => {
  const target = command.kind === 'alerts' && command.target ? (core.policies.find(command.target)?.id ?? command.target.toLowerCase()) : undefined;
  const { subscriptions } = core.delivery;
  const removed = subscriptions.remove(channel, command.kind, target);
  // Stopping one policy's alerts leaves a subscription to all of them in place: say so.
  const stillAll = target !== undefined && subscriptions.find(channel, 'alerts', '') !== undefined;
  const allNote = stillAll ? ' This channel still gets alerts for every tracked policy; /brief unsubscribe alerts stops them all.' : '';
  if (removed === 0) {
    const what = command.kind === 'digest' ? 'a daily digest' : command.target ? `alerts for “${command.target}” alone` : 'alerts';
    return errorReply('Nothing to stop', `This channel has no subscription to ${what}.${allNote || ' /brief help subscribe shows how to add one.'}`, { code: 'subscriptions/not-found' });
  }
  const text = command.kind === 'digest' ? 'The daily digest is stopped.' : `${removed === 1 ? 'Alerts are' : `${removed} alert subscriptions are`} stopped.`;
  return infoReply('Unsubscribed', `${text}${allNote} Items already queued are still delivered.`, { data: { kind: command.kind, removed } });
};
