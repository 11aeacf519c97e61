import type { PolicyStatus } from '../../policy/policyService.ts';
import { toSource } from '../../policy/policyViews.ts';
import { errorReply, type Reply, type ReplySection } from '../../reply.ts';
import type { Handler } from '../handler.ts';
import { unknownPolicyReply } from '../../policy/unknownPolicyReply.ts';

/** `/brief status [policy]`: each policy's state, since when, the evidence, and the pressure since. */
export const status: Handler<'status'> = (command, { core }): Reply => {
  const policies = core.policies.status(command.policy);
  if (policies.length === 0) return command.policy ? unknownPolicyReply(command.policy, core.policies.definitions) : errorReply('No tracked policies', 'data/policies.json lists no policy.');
  const asOf = core.clock.now().toISOString();
  return {
    kind: 'info',
    title: policies.length === 1 ? `Status: ${policies[0]!.policy.name}` : 'Status of tracked policies',
    sections: policies.map(section),
    footer: `As of ${asOf.slice(0, 10)}`,
    data: { asOf, policies: policies.map(statusData) },
  };
};

function section(status: PolicyStatus): ReplySection {
  const first = status.event?.evidence[0];
  return {
    heading: status.policy.name,
    text: status.text,
    ...(first ? { quotes: [{ text: first.quote, sources: status.event!.evidence.map(toSource) }] } : {}),
    fields: [
      { name: status.since ? `Signals since ${status.since.slice(0, 10)}` : 'Signals', value: status.signals.text },
      { name: 'This week', value: status.thisWeek.text },
      ...(status.latestWeek && status.thisWeek.text === 'no signals'
        ? [{ name: `Latest week of coverage, to ${dayBefore(status.latestWeek.until!)}`, value: status.latestWeek.text }]
        : []),
    ],
  };
}

const dayBefore = (iso: string): string => new Date(Date.parse(iso) - 24 * 3600 * 1000).toISOString().slice(0, 10);

const statusData = (status: PolicyStatus) => ({
  id: status.policy.id,
  name: status.policy.name,
  actor: status.policy.actor,
  state: status.state.id,
  label: status.state.label,
  description: status.state.description,
  since: status.since,
  text: status.text,
  eventId: status.event?.id ?? null,
  sourceCount: status.event?.sourceCount ?? 0,
  evidence: status.event?.evidence ?? [],
  signals: { since: status.signals.since, sources: status.signals.sources, text: status.signals.text },
  thisWeek: { since: status.thisWeek.since, sources: status.thisWeek.sources, text: status.thisWeek.text },
  latestWeek: status.latestWeek && { since: status.latestWeek.since, until: status.latestWeek.until, sources: status.latestWeek.sources, text: status.latestWeek.text },
});
