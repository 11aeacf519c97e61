import type { Reply } from '../reply.ts';

/**
 * A policy change worth an alert, as policy tracking (issue #6) reports it. Kept to what an
 * alert shows, so the outbox does not depend on how policy tracking stores its events.
 */
export interface PolicyAlert {
  /** Stable id of the event: with the channel, the alert's idempotency key. */
  readonly eventId: string | number;
  /** The policy id, what `/brief subscribe alerts <policy>` names. */
  readonly policy: string;
  /** Its name for people ("US weapons against targets inside Russia"); the id when absent. */
  readonly policyName?: string;
  /** The new state in words. */
  readonly what?: string;
  /** "permitted (Kursk)"; `previousState` "limited (near Kharkiv)". */
  readonly state: string;
  readonly previousState?: string;
  /** enacted | announced */
  readonly status?: string;
  /** Topic names the event matched, for `/brief subscribe alerts <topic>`. */
  readonly topics?: readonly string[];
  readonly evidence: readonly {
    readonly quote: string;
    readonly outlet?: string | null;
    readonly title?: string | null;
    readonly url?: string | null;
    readonly publishedAt?: string | null;
  }[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The alert as posted; a corroborating report rebuilds it with more evidence and edits it in place. */
export function alertReply(alert: PolicyAlert): Reply {
  const change = alert.previousState ? `${alert.previousState} → ${alert.state}` : alert.state;
  const outlets = new Set(alert.evidence.map((e) => e.outlet ?? 'unknown outlet'));
  return {
    kind: 'alert',
    title: `CHANGED: ${alert.policyName ?? alert.policy} — ${change}`,
    sections: [
      {
        ...(alert.what || alert.status ? { text: [alert.what, alert.status ? `(${alert.status})` : ''].filter(Boolean).join(' ') } : {}),
        quotes: alert.evidence.map((e) => ({
          text: e.quote,
          sources: [{ outlet: e.outlet ?? undefined, title: e.title ?? undefined, url: e.url ?? undefined, publishedAt: e.publishedAt ?? undefined }],
        })),
      },
    ],
    footer: `Reported by ${plural(outlets.size, 'outlet')}`,
    data: { eventId: alert.eventId, policy: alert.policy, state: alert.state, previousState: alert.previousState ?? null },
  };
}
