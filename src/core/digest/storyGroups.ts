import type { Article } from '../store/articleStore.ts';
import { overlap, sharedCount, titleTerms } from './titleTerms.ts';

/**
 * Groups a window's articles into digest entries. Two articles are one entry when
 *  - story clustering (issue #3) put them in the same story (near-duplicates, wire copies), or
 *  - policy tracking (issue #6) holds both as evidence of the same event; evidence of an event
 *    joins nothing else by headline (the decision and the pressure before it are two entries), or
 *  - neither is evidence of an event and their headlines report the same development: at least SAME_DEVELOPMENT.minShared stemmed
 *    content words in common, covering SAME_DEVELOPMENT.minOverlap of the shorter headline,
 *    published within SAME_DEVELOPMENT.maxApartHours of each other.
 * The third rule is this feature's own fallback for developments that are not policy events
 * (pressure, deliberation), until topic matching says more. Worked example (the bundled corpus, Sept 2024):
 * CNN "Pressure builds on Biden … loosen limits on Ukraine's use of US weapons deep inside Russia"
 * and Fox "Biden faces mounting pressure to lift the ban on Ukraine using US weapons deep inside
 * Russia" share 8 terms (0.67); Politico's "White House finalizing plans to ease limits on
 * Ukraine's use of US long-range missiles deep inside Russia" shares 6 with CNN (0.43) → one entry.
 */
export const SAME_DEVELOPMENT = { minShared: 4, minOverlap: 0.4, maxApartHours: 72 } as const;

export interface ArticleGroup {
  readonly articles: readonly Article[];
  /** The article whose headline best represents the group. */
  readonly lead: Article;
}

const time = (article: Article): number => Date.parse(article.publishedAt ?? article.fetchedAt);

type EventOf = (article: Article) => number | undefined;

function sameDevelopment(a: Article, b: Article, terms: Map<number, Set<string>>, eventOf: EventOf): boolean {
  if (a.storyId !== null && a.storyId === b.storyId) return true;
  const [ea, eb] = [eventOf(a), eventOf(b)];
  if (ea !== undefined || eb !== undefined) return ea === eb;
  if (Math.abs(time(a) - time(b)) > SAME_DEVELOPMENT.maxApartHours * 3_600_000) return false;
  const ta = terms.get(a.id)!;
  const tb = terms.get(b.id)!;
  return sharedCount(ta, tb) >= SAME_DEVELOPMENT.minShared && overlap(ta, tb) >= SAME_DEVELOPMENT.minOverlap;
}

export function groupArticles(articles: readonly Article[], eventOf: EventOf = () => undefined): ArticleGroup[] {
  const terms = new Map(articles.map((a) => [a.id, titleTerms(a.title)]));
  const parent = articles.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      if (root(i) !== root(j) && sameDevelopment(articles[i]!, articles[j]!, terms, eventOf)) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, Article[]>();
  articles.forEach((article, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), article]));
  return [...groups.values()].map((members) => ({ articles: members, lead: leadOf(members, terms) }));
}

/** The headline sharing most with the others (ties: the earliest report). */
function leadOf(members: readonly Article[], terms: Map<number, Set<string>>): Article {
  const score = (a: Article) => members.reduce((sum, b) => sum + (a === b ? 0 : sharedCount(terms.get(a.id)!, terms.get(b.id)!)), 0);
  return [...members].sort((a, b) => score(b) - score(a) || time(a) - time(b) || a.id - b.id)[0]!;
}
