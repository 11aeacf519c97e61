import type { EventView } from '../../policy/policyViews.ts';
import { toSource } from '../../policy/policyViews.ts';
import { errorReply, type Reply, type ReplySection } from '../../reply.ts';
import type { Handler } from '../handler.ts';
import { unknownPolicyReply } from '../../policy/unknownPolicyReply.ts';

/** `/brief timeline [policy]`: every change in order, what it replaced, and who reported it. */
export const timeline: Handler<'timeline'> = (command, { core }): Reply => {
  const policies = command.policy ? [core.policies.find(command.policy)].filter((p) => p !== undefined) : core.policies.definitions;
  if (policies.length === 0) return command.policy ? unknownPolicyReply(command.policy, core.policies.definitions) : errorReply('No tracked policies', 'data/policies.json lists no policy.');
  const timelines = policies.map((policy) => {
    const initial = policy.states.find((s) => s.id === policy.initialState)!;
    return { policy, initial, events: core.policies.events({}, policy.id) };
  });
  const sections: ReplySection[] = timelines.flatMap(({ policy, initial, events }) => [
    { heading: policy.name, text: `Started as ${initial.label}: ${initial.description}.${events.length === 0 ? ' No change on record.' : ''}` },
    ...events.map(eventSection),
  ]);
  return {
    kind: 'info',
    title: policies.length === 1 ? `Timeline: ${policies[0]!.name}` : 'Timeline of tracked policies',
    sections,
    data: {
      policies: timelines.map(({ policy, initial, events }) => ({
        id: policy.id,
        name: policy.name,
        initial: { id: initial.id, label: initial.label, description: initial.description },
        events: events.map(eventData),
      })),
    },
  };
};

function eventSection(event: EventView): ReplySection {
  const first = event.evidence[0];
  return {
    heading: `${event.effectiveAt.slice(0, 10)} — ${event.from.label} → ${event.to.label}`,
    text: `${event.to.description}${event.scope ? ` (reported as “${event.scope}”)` : ''}. Replaced: ${event.from.description}. ${event.sourceCount} source${event.sourceCount === 1 ? '' : 's'}.`,
    ...(first ? { quotes: [{ text: first.quote, sources: event.evidence.map(toSource) }] } : {}),
  };
}

const eventData = (event: EventView) => ({
  id: event.id,
  effectiveAt: event.effectiveAt,
  from: event.from.id,
  to: event.to.id,
  label: event.to.label,
  description: event.to.description,
  replaced: { state: event.from.id, label: event.from.label, description: event.from.description },
  direction: event.direction,
  scope: event.scope,
  sourceCount: event.sourceCount,
  alerted: !event.quiet,
  evidence: event.evidence,
});
