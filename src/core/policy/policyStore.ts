import { atomic } from '../store/atomic.ts';
import type { Db } from '../store/database.ts';
import type { Claim } from './claimExtractor.ts';
import type { ClaimStatus, Direction } from './claimStatus.ts';

/** A change of a policy's state, as stored. */
export interface PolicyEventRow {
  readonly id: number;
  readonly policyId: string;
  readonly fromState: string;
  readonly toState: string;
  readonly direction: Direction;
  readonly scope: string | null;
  readonly effectiveAt: string;
  readonly quiet: boolean;
  readonly createdAt: string;
}

/** A claim joined with the article that made it: the evidence people read. */
export interface StoredClaim {
  readonly id: number;
  readonly articleId: number;
  readonly policyId: string;
  readonly actor: string;
  readonly subject: string;
  readonly status: ClaimStatus;
  readonly scope: string | null;
  readonly quote: string;
  readonly reportedAt: string;
  readonly eventId: number | null;
  readonly title: string;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
}

export interface CurrentState {
  readonly state: string;
  readonly since: string;
  readonly eventId: number;
}

const EVENT_COLUMNS = `id, policy_id AS policyId, from_state AS fromState, to_state AS toState, direction, scope,
  effective_at AS effectiveAt, quiet, created_at AS createdAt`;
const CLAIM_COLUMNS = `c.id, c.article_id AS articleId, c.policy_id AS policyId, c.actor, c.subject, c.status, c.scope,
  c.quote, c.reported_at AS reportedAt, c.event_id AS eventId, a.title, a.outlet, a.url, a.published_at AS publishedAt`;

const toEvent = (row: Omit<PolicyEventRow, 'quiet'> & { quiet: number }): PolicyEventRow => ({ ...row, quiet: row.quiet === 1 });

/** The only place that reads and writes the policy_* tables. */
export class PolicyStore {
  constructor(private readonly db: Db) {}

  /** Atomically (see atomic.ts): inside the ingest transaction, as part of it. */
  transaction<T>(work: () => T): T {
    return atomic(this.db, work)();
  }

  deleteClaimsOf(articleId: number): void {
    this.db.prepare('DELETE FROM policy_claims WHERE article_id = ?').run(articleId);
  }

  insertClaim(articleId: number, position: number, claim: Claim, reportedAt: string): number {
    return Number(
      this.db
        .prepare(`INSERT INTO policy_claims (article_id, position, policy_id, actor, subject, status, scope, state, direction,
          background, reported, quote, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(articleId, position, claim.policy, claim.actor, claim.subject, claim.status, claim.scope ?? null, claim.state ?? null,
          claim.direction ?? null, claim.background ? 1 : 0, claim.reported ? 1 : 0, claim.quote, reportedAt).lastInsertRowid,
    );
  }

  linkClaim(claimId: number, eventId: number): void {
    this.db.prepare('UPDATE policy_claims SET event_id = ? WHERE id = ?').run(eventId, claimId);
  }

  current(policyId: string): CurrentState | undefined {
    return this.db.prepare('SELECT state, since, event_id AS eventId FROM policy_state WHERE policy_id = ?').get(policyId) as CurrentState | undefined;
  }

  setCurrent(policyId: string, state: string, since: string, eventId: number): void {
    this.db
      .prepare(`INSERT INTO policy_state (policy_id, state, since, event_id) VALUES (?, ?, ?, ?)
        ON CONFLICT(policy_id) DO UPDATE SET state = excluded.state, since = excluded.since, event_id = excluded.event_id`)
      .run(policyId, state, since, eventId);
  }

  insertEvent(event: Omit<PolicyEventRow, 'id'>): number {
    return Number(
      this.db
        .prepare(`INSERT INTO policy_events (policy_id, from_state, to_state, direction, scope, effective_at, quiet, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(event.policyId, event.fromState, event.toState, event.direction, event.scope, event.effectiveAt, event.quiet ? 1 : 0, event.createdAt)
        .lastInsertRowid,
    );
  }

  event(id: number): PolicyEventRow | undefined {
    const row = this.db.prepare(`SELECT ${EVENT_COLUMNS} FROM policy_events WHERE id = ?`).get(id) as Parameters<typeof toEvent>[0] | undefined;
    return row && toEvent(row);
  }

  /** The latest event of a policy reported by `date`, optionally only those reaching `toState`. */
  latestEvent(policyId: string, date: string, options: { toState?: string; direction?: Direction } = {}): PolicyEventRow | undefined {
    const row = this.db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM policy_events WHERE policy_id = @policyId AND effective_at <= @date
        AND (@toState IS NULL OR to_state = @toState) AND (@direction IS NULL OR direction = @direction)
        ORDER BY effective_at DESC, id DESC LIMIT 1`)
      .get({ policyId, date, toState: options.toState ?? null, direction: options.direction ?? null }) as Parameters<typeof toEvent>[0] | undefined;
    return row && toEvent(row);
  }

  events(filter: { policyId?: string; since?: string; until?: string } = {}): PolicyEventRow[] {
    const rows = this.db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM policy_events WHERE (@policyId IS NULL OR policy_id = @policyId)
        AND (@since IS NULL OR effective_at >= @since) AND (@until IS NULL OR effective_at < @until)
        ORDER BY effective_at, id`)
      .all({ policyId: filter.policyId ?? null, since: filter.since ?? null, until: filter.until ?? null }) as Parameters<typeof toEvent>[0][];
    return rows.map(toEvent);
  }

  /** Adds an article as evidence; false when that article already confirms the event. */
  addEvidence(eventId: number, articleId: number, claimId: number, at: string): boolean {
    return this.db
      .prepare('INSERT OR IGNORE INTO policy_evidence (event_id, article_id, claim_id, added_at) VALUES (?, ?, ?, ?)')
      .run(eventId, articleId, claimId, at).changes === 1;
  }

  /** Evidence in the order it arrived: the first item is the report that created the event. */
  evidence(eventId: number): StoredClaim[] {
    return this.db
      .prepare(`SELECT ${CLAIM_COLUMNS} FROM policy_evidence e JOIN policy_claims c ON c.id = e.claim_id
        JOIN articles a ON a.id = e.article_id WHERE e.event_id = ? ORDER BY e.added_at, e.rowid`)
      .all(eventId) as StoredClaim[];
  }

  sourceCount(eventId: number): number {
    return this.db.prepare('SELECT COUNT(*) FROM policy_evidence WHERE event_id = ?').pluck().get(eventId) as number;
  }

  /** Considering / urged / denied claims in a window of report dates. */
  signals(filter: { policyId?: string; since?: string; until?: string }): StoredClaim[] {
    return this.db
      .prepare(`SELECT ${CLAIM_COLUMNS} FROM policy_claims c JOIN articles a ON a.id = c.article_id
        WHERE c.status IN ('considering', 'urged', 'denied') AND (@policyId IS NULL OR c.policy_id = @policyId)
        AND (@since IS NULL OR c.reported_at >= @since) AND (@until IS NULL OR c.reported_at < @until)
        ORDER BY c.reported_at, c.id`)
      .all({ policyId: filter.policyId ?? null, since: filter.since ?? null, until: filter.until ?? null }) as StoredClaim[];
  }

  /** Distinct articles per signal status in the window: what a status line needs, without reading every claim. */
  signalCounts(filter: { policyId?: string; since?: string; until?: string }): Record<'urged' | 'considering' | 'denied', number> {
    const rows = this.db
      .prepare(`SELECT c.status, COUNT(DISTINCT c.article_id) AS n FROM policy_claims c JOIN articles a ON a.id = c.article_id
        WHERE c.status IN ('considering', 'urged', 'denied') AND (@policyId IS NULL OR c.policy_id = @policyId)
        AND (@since IS NULL OR c.reported_at >= @since) AND (@until IS NULL OR c.reported_at < @until)
        GROUP BY c.status`)
      .all({ policyId: filter.policyId ?? null, since: filter.since ?? null, until: filter.until ?? null }) as { status: 'urged' | 'considering' | 'denied'; n: number }[];
    const counts = { urged: 0, considering: 0, denied: 0 };
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  /** Date of the newest considering / urged / denied claim of a policy. */
  latestSignalAt(policyId: string): string | undefined {
    return (this.db
      .prepare("SELECT MAX(reported_at) FROM policy_claims WHERE policy_id = ? AND status IN ('considering', 'urged', 'denied')")
      .pluck()
      .get(policyId) as string | null) ?? undefined;
  }

  insertAlert(eventId: number, policyId: string, sourceCount: number, at: string): number {
    return Number(
      this.db
        .prepare('INSERT INTO policy_alerts (event_id, policy_id, source_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(eventId, policyId, sourceCount, at, at).lastInsertRowid,
    );
  }

  alertFor(eventId: number): { id: number; sourceCount: number } | undefined {
    return this.db.prepare('SELECT id, source_count AS sourceCount FROM policy_alerts WHERE event_id = ?').get(eventId) as
      | { id: number; sourceCount: number }
      | undefined;
  }

  updateAlertSources(alertId: number, sourceCount: number, at: string): void {
    this.db.prepare('UPDATE policy_alerts SET source_count = ?, updated_at = ? WHERE id = ?').run(sourceCount, at, alertId);
  }
}
