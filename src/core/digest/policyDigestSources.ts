import type { PolicyDefinition } from '../policy/policyDefinition.ts';
import type { PolicyService } from '../policy/policyService.ts';
import type { Article } from '../store/articleStore.ts';
import type { DigestWindow, PolicyStatusLine } from './digest.ts';
import type { DigestSources } from './digestSources.ts';

/**
 * The digest's view of policy tracking (issue #6): each policy's standing state at the end
 * of the window (the last event effective by then, so a digest of last September says what
 * stood in September), whether it changed inside the window, the signals reported inside the window, and which
 * articles are evidence of an event in the window (they rank first).
 */
export function policyDigestSources(policies: PolicyService): DigestSources {
  return {
    policyStatus: (window) => policies.definitions.map((policy) => statusAt(policies, policy, window)),
    signals: (window) =>
      policies.definitions.flatMap((policy) => {
        const { sources, text } = policies.signalCounts({ since: window.since, until: window.until }, policy.id);
        return sources.urged + sources.considering + sources.denied > 0 ? [`${policy.name}: ${text}`] : [];
      }),
    policyEventOf: (window) => {
      const byUrl = new Map<string, number>();
      const byTitle = new Map<string, number>();
      for (const event of policies.events({ since: window.since, until: window.until })) {
        for (const e of event.evidence) {
          if (e.url) byUrl.set(e.url, event.id);
          byTitle.set(e.title, event.id);
        }
      }
      return (article: Article) => (article.url !== null ? byUrl.get(article.url) : undefined) ?? byTitle.get(article.title);
    },
  };
}

function statusAt(policies: PolicyService, policy: PolicyDefinition, window: DigestWindow): PolicyStatusLine {
  const events = policies.events({ until: window.until }, policy.id).filter((e) => e.effectiveAt <= window.until);
  const last = events.at(-1);
  const name = policy.name;
  if (!last) {
    const initial = policy.states.find((s) => s.id === policy.initialState);
    return { policy: name, state: `${initial?.label ?? policy.initialState} (no change on record)`, since: null, changed: false };
  }
  const scope = last.scope ? ` (${last.scope})` : '';
  return {
    policy: name,
    state: `${last.to.label}${scope} — ${last.to.description}`,
    since: last.effectiveAt,
    changed: last.effectiveAt >= window.since,
  };
}
