import type { Article } from '../store/articleStore.ts';
import { sharedCount, titleTerms } from './titleTerms.ts';

/**
 * Groups a window's articles into digest entries. Two articles are one entry when
 *  - story clustering (issue #3) put them in the same story (near-duplicates, wire copies), or
 *  - policy tracking (issue #6) holds both as evidence of the same event; evidence of an event
 *    joins nothing else by headline (the decision and the pressure before it are two entries), or
 *  - neither is evidence of an event and their headlines report the same development: at
 *    least SAME_DEVELOPMENT.minShared stemmed content words in common, covering SAME_DEVELOPMENT.minOverlap of the shorter headline,
 *    published within SAME_DEVELOPMENT.maxApartHours of each other.
 * The third rule is this feature's own fallback for developments that are not policy events
 * (pressure, deliberation). Worked example (the bundled corpus, Sept 2024):
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

/** Union-find over article indexes. */
class Groups {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  root(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  join(a: number, b: number): void {
    this.parent[this.root(b)] = this.root(a);
  }
}

/** Joins every run of articles that share a non-null key (a story id, a policy event). */
function joinByKey(articles: readonly Article[], key: (a: Article) => number | null | undefined, groups: Groups): void {
  const first = new Map<number, number>();
  articles.forEach((article, i) => {
    const k = key(article);
    if (k === null || k === undefined) return;
    if (first.has(k)) groups.join(first.get(k)!, i);
    else first.set(k, i);
  });
}

/**
 * Headline pairs worth joining, found through an inverted index (term → articles), so a busy
 * window costs roughly the postings it shares rather than every pair of articles.
 */
function joinByHeadline(articles: readonly Article[], eventOf: EventOf, groups: Groups): void {
  const terms = articles.map((a) => titleTerms(a.title));
  const times = articles.map(time);
  const postings = new Map<string, number[]>();
  terms.forEach((set, i) => set.forEach((term) => (postings.get(term) ?? postings.set(term, []).get(term)!).push(i)));
  const maxApart = SAME_DEVELOPMENT.maxApartHours * 3_600_000;
  for (let i = 0; i < articles.length; i++) {
    if (eventOf(articles[i]!) !== undefined) continue; // event evidence joins only its event
    const shared = new Map<number, number>();
    for (const term of terms[i]!) for (const j of postings.get(term)!) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, count] of shared) {
      if (count < SAME_DEVELOPMENT.minShared || Math.abs(times[i]! - times[j]!) > maxApart) continue;
      if (count / Math.min(terms[i]!.size, terms[j]!.size) < SAME_DEVELOPMENT.minOverlap) continue;
      if (eventOf(articles[j]!) === undefined) groups.join(i, j);
    }
  }
}

export function groupArticles(articles: readonly Article[], eventOf: EventOf = () => undefined): ArticleGroup[] {
  const groups = new Groups(articles.length);
  joinByKey(articles, (a) => a.storyId, groups);
  joinByKey(articles, eventOf, groups);
  joinByHeadline(articles, eventOf, groups);
  const members = new Map<number, Article[]>();
  articles.forEach((article, i) => {
    const root = groups.root(i);
    (members.get(root) ?? members.set(root, []).get(root)!).push(article);
  });
  return [...members.values()].map((list) => ({ articles: list, lead: leadOf(list) }));
}

/** The headline sharing most with the others (ties: the earliest report). */
function leadOf(members: readonly Article[]): Article {
  if (members.length === 1) return members[0]!;
  const terms = new Map(members.map((a) => [a.id, titleTerms(a.title)]));
  const score = (a: Article) => members.reduce((sum, b) => sum + (a === b ? 0 : sharedCount(terms.get(a.id)!, terms.get(b.id)!)), 0);
  return [...members].sort((a, b) => score(b) - score(a) || time(a) - time(b) || a.id - b.id)[0]!;
}
