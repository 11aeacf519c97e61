import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { CoreEvents } from '../events.ts';
import type { IngestStage, StageContext, StagePreparation } from '../ingest/ingestor.ts';
import type { Article, ArticleStore } from '../store/articleStore.ts';
import { extractArticleClaims, isDecision, publicClaim, type PlacedClaim, type PublicClaim } from './articleAnalysis.ts';
import type { Claim, ClaimExtractor } from './claimExtractor.ts';
import type { PolicyDefinition, PolicyState } from './policyDefinition.ts';
import './policyEvents.ts';
import type { PolicyEventRow, PolicyStore } from './policyStore.ts';

export interface AlertFact {
  readonly id: number;
  readonly event: number;
  readonly policy: string;
  readonly kind: 'created' | 'corroborated';
  readonly sources: number;
}

/** What the policy stage adds to each article's ingest report. */
export type PolicyFacts = {
  readonly claims: PublicClaim[];
  readonly events: { id: number; new: boolean }[];
  readonly alerts: AlertFact[];
};

type Outcome = { kind: 'created' | 'attached'; event: PolicyEventRow } | { kind: 'none' };

/**
 * The ingest stage: claims from every sentence, then the state machine. A decision that
 * moves a policy creates an event; a later report of the same decision (another outlet, a
 * recap, "after Biden allowed…") attaches to it as evidence; an article older than the
 * current state never rolls it back. Everything for one article commits in one transaction,
 * with the core events that let the outbox fan alerts out.
 */
export class PolicyTracker implements IngestStage {
  readonly name = 'policy';
  /** Bulk imports extract claims in their worker threads (claimPreparation.ts). */
  readonly prepare: StagePreparation;
  private readonly policies: ReadonlyMap<string, PolicyDefinition>;

  constructor(
    private readonly store: PolicyStore,
    private readonly extractor: ClaimExtractor,
    private readonly articles: ArticleStore,
    private readonly clock: Clock,
    private readonly events: CoreEvents,
    private readonly logger: Logger,
  ) {
    this.policies = new Map(extractor.policies.map((p) => [p.id, p]));
    this.prepare = { module: new URL('./claimPreparation.ts', import.meta.url).href, options: extractor.policies };
  }

  run(article: Article, context: StageContext): PolicyFacts {
    // Ingest hands over the sentences it just stored; reading them back cost a query per article.
    const placed =
      (context.prepared as PlacedClaim[] | undefined) ??
      extractArticleClaims(this.extractor, { title: article.title, sentences: context.sentences ?? this.articles.sentences(article.id) });
    return this.store.transaction(() => {
      if (context.status === 'updated') this.store.deleteClaimsOf(article.id);
      const facts: PolicyFacts = { claims: placed.map((p) => publicClaim(p.claim)), events: [], alerts: [] };
      for (const item of placed) this.record(article, item, context.quiet, facts);
      return facts;
    });
  }

  private record(article: Article, { position, claim }: PlacedClaim, quiet: boolean, facts: PolicyFacts): void {
    const date = article.publishedAt ?? article.fetchedAt;
    const claimId = this.store.insertClaim(article.id, position, claim, date);
    const policy = this.policies.get(claim.policy);
    if (!policy || !isDecision(claim)) return;
    const outcome = this.decide(policy, claim, date, quiet);
    if (outcome.kind === 'none') return;
    const event = outcome.event;
    this.store.linkClaim(claimId, event.id);
    const now = this.clock.now().toISOString();
    const added = this.store.addEvidence(event.id, article.id, claimId, now);
    if (!facts.events.some((e) => e.id === event.id)) facts.events.push({ id: event.id, new: outcome.kind === 'created' });
    if (outcome.kind === 'created') {
      // Seeding replays history: that is debug detail, a live change is news for the operator.
      this.logger[quiet ? 'debug' : 'info']({ policy: policy.id, event: event.id, from: event.fromState, to: event.toState }, 'policy state changed');
      if (!quiet) this.raise('created', event, 1, now, facts);
    } else if (added && !quiet && this.store.alertFor(event.id)) {
      this.raise('corroborated', event, this.store.sourceCount(event.id), now, facts);
    }
  }

  /** Which event a decision belongs to, creating one when it moves the policy forward in time. */
  private decide(policy: PolicyDefinition, claim: Claim, date: string, quiet: boolean): Outcome {
    let target = this.targetState(policy, claim);
    if (!target) {
      // "Biden OKs Ukraine's use of US weapons inside Russia": no scope, so it confirms the latest decision…
      const latest = this.store.latestEvent(policy.id, date, { direction: claim.direction });
      if (latest) return { kind: 'attached', event: latest };
      // …or, while nothing was ever allowed, it is the first step ("Britain lets Ukraine fire Storm Shadow").
      if (claim.direction !== 'loosen' || this.store.current(policy.id)) return { kind: 'none' };
      target = policy.states.find((s) => s.rank > 0);
      if (!target) return { kind: 'none' };
    }
    const known = this.store.latestEvent(policy.id, date, { toState: target.id, direction: claim.direction });
    if (known) return { kind: 'attached', event: known };
    if (claim.background) return { kind: 'none' };
    const current = this.store.current(policy.id);
    const currentState = policy.states.find((s) => s.id === (current?.state ?? policy.initialState))!;
    // A 2022 piece arriving late describes the past: it never rolls the state back.
    if (current && date < current.since) return { kind: 'none' };
    const moves = claim.direction === 'tighten' ? target.rank < currentState.rank : target.rank > currentState.rank;
    if (!moves) return { kind: 'none' };
    const id = this.store.insertEvent({
      policyId: policy.id,
      fromState: currentState.id,
      toState: target.id,
      direction: claim.direction!,
      scope: claim.scope ?? null,
      effectiveAt: date,
      quiet,
      createdAt: this.clock.now().toISOString(),
    });
    this.store.setCurrent(policy.id, target.id, date, id);
    return { kind: 'created', event: this.store.event(id)! };
  }

  /** Loosening reaches the state the claim names; a reversal falls to the rank below it (or the start). */
  private targetState(policy: PolicyDefinition, claim: Claim): PolicyState | undefined {
    const named = claim.state ? policy.states.find((s) => s.id === claim.state) : undefined;
    if (claim.direction === 'loosen') return named && named.rank > 0 ? named : undefined;
    if (!named) return policy.states.find((s) => s.id === policy.initialState);
    return [...policy.states].reverse().find((s) => s.rank < named.rank) ?? policy.states[0];
  }

  private raise(kind: AlertFact['kind'], event: PolicyEventRow, sources: number, now: string, facts: PolicyFacts): void {
    const existing = this.store.alertFor(event.id);
    const alertId = existing?.id ?? this.store.insertAlert(event.id, event.policyId, sources, now);
    if (existing) this.store.updateAlertSources(existing.id, sources, now);
    const payload = { alertId, eventId: event.id, policyId: event.policyId, sourceCount: sources };
    this.events.emit(kind === 'created' ? 'policy/event-created' : 'policy/event-corroborated', payload);
    facts.alerts.push({ id: alertId, event: event.id, policy: event.policyId, kind, sources });
  }
}
