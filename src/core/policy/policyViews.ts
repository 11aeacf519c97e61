import type { Source } from '../reply.ts';
import type { ClaimStatus } from './claimStatus.ts';
import type { PolicyDefinition } from './policyDefinition.ts';
import type { PolicyEventRow, StoredClaim } from './policyStore.ts';

/** A quote with where it came from: what every state, event and signal carries. */
export interface EvidenceView {
  readonly quote: string;
  readonly outlet: string | null;
  readonly title: string;
  readonly url: string | null;
  readonly publishedAt: string | null;
}

export interface StateRef {
  readonly id: string;
  readonly label: string;
  readonly description: string;
}

export interface EventView {
  readonly id: number;
  readonly policy: string;
  /** The state it replaced. */
  readonly from: StateRef;
  readonly to: StateRef;
  readonly direction: 'loosen' | 'tighten';
  readonly scope: string | null;
  readonly effectiveAt: string;
  readonly sourceCount: number;
  /** Learnt quietly (seed, first poll): no alert was raised for it. */
  readonly quiet: boolean;
  readonly evidence: EvidenceView[];
}

export interface SignalView extends EvidenceView {
  readonly status: ClaimStatus;
  readonly policy: string;
}

/** A SignalSummary without its claims: what status lines show. */
export type SignalCounts = Omit<SignalSummary, 'items'>;

export interface SignalSummary {
  readonly policy: string | null;
  readonly since: string | null;
  readonly until: string | null;
  /** Distinct articles per status. */
  readonly sources: Readonly<Record<'urged' | 'considering' | 'denied', number>>;
  /** "urged by 4 sources, 2 report it under consideration, 1 expects no change" */
  readonly text: string;
  readonly items: SignalView[];
}

export const evidenceOf = (claim: StoredClaim): EvidenceView => ({
  quote: claim.quote,
  outlet: claim.outlet,
  title: claim.title,
  url: claim.url,
  publishedAt: claim.publishedAt,
});

export const toSource = (evidence: EvidenceView): Source => ({
  outlet: evidence.outlet ?? undefined,
  title: evidence.title,
  url: evidence.url ?? undefined,
  publishedAt: evidence.publishedAt ?? undefined,
});

export function stateRef(policy: PolicyDefinition, id: string): StateRef {
  const state = policy.states.find((s) => s.id === id) ?? policy.states[0]!;
  return { id: state.id, label: state.label, description: state.description };
}

export function eventView(policy: PolicyDefinition, row: PolicyEventRow, evidence: readonly StoredClaim[]): EventView {
  return {
    id: row.id,
    policy: row.policyId,
    from: stateRef(policy, row.fromState),
    to: stateRef(policy, row.toState),
    direction: row.direction,
    scope: row.scope,
    effectiveAt: row.effectiveAt,
    sourceCount: evidence.length,
    quiet: row.quiet,
    evidence: evidence.map(evidenceOf),
  };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One considering / urged / denied claim as a signal list shows it: the quote and where it was reported. */
export const signalView = (claim: StoredClaim): SignalView => ({ ...evidenceOf(claim), status: claim.status, policy: claim.policyId });

/**
 * "urged by 4 sources, 2 report it under consideration, 1 expects no change", or "no signals":
 * counts of sources, each said in words (QA readers could not tell what "considering: 2" counted).
 */
export function signalsText(sources: SignalSummary['sources']): string {
  const verb = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    sources.urged > 0 ? `urged by ${plural(sources.urged, 'source')}` : '',
    sources.considering > 0 ? `${verb(sources.considering, 'reports', 'report')} it under consideration` : '',
    sources.denied > 0 ? `${verb(sources.denied, 'expects', 'expect')} no change` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no signals';
}

/** "Limited: US weapons may be used across the border near Kharkiv; long-range missiles (ATACMS) may not strike deeper into Russia, since 2024-05-30 (CNN)" */
export function statusLine(state: StateRef, since: string | null, first: EvidenceView | undefined): string {
  if (!since) return `${state.label}: ${state.description} (no change on record)`;
  return `${state.label}: ${state.description}, since ${since.slice(0, 10)}${first?.outlet ? ` (${first.outlet})` : ''}`;
}
