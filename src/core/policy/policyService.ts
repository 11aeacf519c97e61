import type { Clock } from '../clock.ts';
import { analyzeArticle } from './analyzeArticle.ts';
import type { ArticleAnalysis } from './articleAnalysis.ts';
import type { ClaimExtractor } from './claimExtractor.ts';
import type { PolicyDefinition } from './policyDefinition.ts';
import type { PolicyStore } from './policyStore.ts';
import {
  eventView,
  stateRef,
  statusLine,
  signalsText,
  signalView,
  type EventView,
  type SignalCounts,
  type SignalSummary,
  type StateRef,
} from './policyViews.ts';

export interface PolicyStatus {
  readonly policy: { readonly id: string; readonly name: string; readonly actor: string };
  readonly state: StateRef;
  /** When the current state began (the first report of its event); null while still the initial state. */
  readonly since: string | null;
  /** One line for digests and answers: "Limited: …, since 2024-05-30 (CNN)". */
  readonly text: string;
  /** The event that set the current state, with its evidence. */
  readonly event: EventView | null;
  /** Pressure, deliberation and denials since the current state began. */
  readonly signals: SignalCounts;
  /** The same over the last seven days by the clock. */
  readonly thisWeek: SignalCounts;
  /**
   * The seven days up to the newest signal: what "this week" meant when the coverage was
   * current (the bundled corpus ends in September 2024). Null when there is no signal.
   */
  readonly latestWeek: SignalCounts | null;
}

export interface PolicyAlertView {
  readonly eventId: number;
  /** The policy id ("us"): what `/brief subscribe alerts us` names. */
  readonly policy: string;
  readonly policyName: string;
  /** "Permitted (deep inside Russia)" */
  readonly state: string;
  readonly previousState: string;
  readonly status: 'enacted';
  /** The new state in words: "US long-range missiles (ATACMS) may strike deeper inside Russia…" */
  readonly what: string;
  readonly scope: string | null;
  readonly effectiveAt: string;
  readonly sourceCount: number;
  readonly evidence: EventView['evidence'];
}

export interface Window {
  readonly since?: string;
  readonly until?: string;
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * `core.policies`: what the ask, digest and alert features read. Status per policy with its
 * one-line text, events and signals in a window, and `analyze` for one article without storing.
 */
export class PolicyService {
  constructor(
    private readonly store: PolicyStore,
    private readonly extractor: ClaimExtractor,
    private readonly clock: Clock,
  ) {}

  get definitions(): readonly PolicyDefinition[] {
    return this.extractor.policies;
  }

  /** A policy by id ("us"), actor short name ("UK") or actor name ("France"); case-free. */
  find(name: string): PolicyDefinition | undefined {
    const wanted = name.trim().toLowerCase();
    return this.definitions.find((p) => [p.id, p.actor.short, p.actor.name].some((n) => n.toLowerCase() === wanted));
  }

  status(policyId?: string): PolicyStatus[] {
    return this.select(policyId).map((policy) => this.statusOf(policy));
  }

  /** "Limited: US weapons may be used across the border near Kharkiv; long-range missiles (ATACMS) may not strike deeper into Russia, since 2024-05-30 (CNN)" */
  statusText(policyId: string): string | undefined {
    const policy = this.find(policyId);
    return policy && this.statusOf(policy).text;
  }

  /** Considering / urged / denied claims reported in the window (report dates, ISO): the counts, and each claim. */
  signals(window: Window = {}, policyId?: string): SignalSummary {
    return { ...this.signalCounts(window, policyId), items: this.store.signals({ policyId, ...window }).map(signalView) };
  }

  /** The signals' counts and text alone: what a status, a status line or a digest line needs, without reading each claim. */
  signalCounts(window: Window = {}, policyId?: string): SignalCounts {
    const sources = this.store.signalCounts({ policyId, ...window });
    return { policy: policyId ?? null, since: window.since ?? null, until: window.until ?? null, sources, text: signalsText(sources) };
  }

  /** State changes whose first report falls in the window, oldest first, each with its evidence. */
  events(window: Window = {}, policyId?: string): EventView[] {
    return this.store.events({ policyId, ...window }).flatMap((row) => {
      const policy = this.definitions.find((p) => p.id === row.policyId);
      return policy ? [eventView(policy, row, this.store.evidence(row.id))] : [];
    });
  }

  event(id: number): EventView | undefined {
    const row = this.store.event(id);
    const policy = row && this.definitions.find((p) => p.id === row.policyId);
    return row && policy ? eventView(policy, row, this.store.evidence(row.id)) : undefined;
  }

  /**
   * For `ask`: the status line of the policy a question is about, with the signals since, and
   * the date of the evidence behind it. "Can Ukraine still not use ATACMS inside Russia?" →
   * "Limited: …, since 2024-05-30 (CNN); since then: urged by 3 sources, 4 report it under consideration".
   */
  statusLineFor(question: string): { line: string; asOf: string | null } | undefined {
    const policy = this.extractor.policyFor(question);
    if (!policy) return undefined;
    const head = this.headOf(policy);
    const since = this.signalCounts(head.since ? { since: head.since } : {}, policy.id).text;
    const signals = since === 'no signals' ? '' : `; since then: ${since}`;
    return { line: `${head.text}${signals}`, asOf: head.event?.evidence[0]?.publishedAt ?? head.since };
  }

  /**
   * An event as the alert shows it (structurally the outbox's PolicyAlert): what changed, from
   * what to what, the scope, and every report confirming it, first report first.
   */
  alert(eventId: number): PolicyAlertView | undefined {
    const event = this.event(eventId);
    if (!event) return undefined;
    const scope = event.scope ? ` (${event.scope})` : '';
    return {
      eventId: event.id,
      policy: event.policy,
      policyName: this.definitions.find((p) => p.id === event.policy)?.name ?? event.policy,
      state: `${event.to.label}${scope}`,
      previousState: event.from.label,
      status: 'enacted',
      what: event.to.description,
      scope: event.scope,
      effectiveAt: event.effectiveAt,
      sourceCount: event.sourceCount,
      evidence: event.evidence,
    };
  }

  /** One article, nothing stored: the `policy analyze` contract. */
  analyze(article: { title?: string; text: string }): ArticleAnalysis {
    return analyzeArticle(this.extractor, article);
  }

  private select(policyId?: string): PolicyDefinition[] {
    if (!policyId) return [...this.definitions];
    const policy = this.find(policyId);
    return policy ? [policy] : [];
  }

  /** The current state, when it began, the event behind it and its line. */
  private headOf(policy: PolicyDefinition): Pick<PolicyStatus, 'state' | 'since' | 'event' | 'text'> {
    const current = this.store.current(policy.id);
    const state = stateRef(policy, current?.state ?? policy.initialState);
    const event = current ? (this.event(current.eventId) ?? null) : null;
    const since = current?.since ?? null;
    return { state, since, event, text: statusLine(state, since, event?.evidence[0]) };
  }

  private statusOf(policy: PolicyDefinition): PolicyStatus {
    const { state, since, event, text } = this.headOf(policy);
    const now = this.clock.now();
    const until = now.toISOString();
    return {
      policy: { id: policy.id, name: policy.name, actor: policy.actor.name },
      state,
      since,
      text,
      event,
      signals: this.signalCounts(since ? { since } : {}, policy.id),
      thisWeek: this.signalCounts({ since: new Date(now.getTime() - WEEK_MS).toISOString(), until }, policy.id),
      latestWeek: this.latestWeek(policy.id),
    };
  }

  private latestWeek(policyId: string): SignalCounts | null {
    const newest = this.store.latestSignalAt(policyId);
    if (!newest) return null;
    // The window ends just after the newest report's day, so that day counts in full.
    const until = new Date(Date.parse(newest.slice(0, 10)) + 24 * 3600 * 1000);
    return this.signalCounts({ since: new Date(until.getTime() - WEEK_MS).toISOString(), until: until.toISOString() }, policyId);
  }
}
