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
 * Headline pairs worth joining, found through an inverted index (term → articles). A pair must
 * share minShared terms, so with a headline's terms ordered rarest first, one of them is among
 * all but its last minShared − 1 (prefix filtering): candidates come from those terms' postings
 * alone, then the pair is counted in full. Common words ("Ukraine", "report") sort last and their
 * long postings are never walked: a window of 1,600 look-alike headlines took ~90 ms that way.
 */
function joinByHeadline(articles: readonly Article[], eventOf: EventOf, groups: Groups): void {
  const terms = articles.map((a) => titleTerms(a.title));
  const times = articles.map(time);
  const postings = new Map<string, number[]>();
  terms.forEach((set, i) => set.forEach((term) => (postings.get(term) ?? postings.set(term, []).get(term)!).push(i)));
  const rarestFirst = (a: string, b: string) => postings.get(a)!.length - postings.get(b)!.length || (a < b ? -1 : a > b ? 1 : 0);
  const maxApart = SAME_DEVELOPMENT.maxApartHours * 3_600_000;
  for (let i = 0; i < articles.length; i++) {
    if (eventOf(articles[i]!) !== undefined) continue; // event evidence joins only its event
    const own = terms[i]!;
    const prefix = [...own].sort(rarestFirst).slice(0, Math.max(0, own.size - SAME_DEVELOPMENT.minShared + 1));
    const candidates = new Set<number>();
    for (const term of prefix) for (const j of postings.get(term)!) if (j > i) candidates.add(j);
    for (const j of candidates) {
      const count = sharedCount(own, terms[j]!);
      if (count < SAME_DEVELOPMENT.minShared || Math.abs(times[i]! - times[j]!) > maxApart) continue;
      if (count / Math.min(own.size, terms[j]!.size) < SAME_DEVELOPMENT.minOverlap) continue;
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

/**
 * The headline sharing most with the others (ties: the earliest report). A headline's total of
 * terms shared with each other one is the sum, over its terms, of how many others have that
 * term: one count per term instead of comparing every pair, which a sort's comparator did
 * over and over (a 1,000-article group took ~0.5 s).
 */
function leadOf(members: readonly Article[]): Article {
  if (members.length === 1) return members[0]!;
  const terms = members.map((a) => titleTerms(a.title));
  const holders = new Map<string, number>();
  for (const set of terms) for (const term of set) holders.set(term, (holders.get(term) ?? 0) + 1);
  const scores = terms.map((set) => {
    let score = 0;
    for (const term of set) score += holders.get(term)! - 1;
    return score;
  });
  let best = 0;
  for (let i = 1; i < members.length; i++) {
    const [a, b] = [members[i]!, members[best]!];
    if (scores[i]! > scores[best]! || (scores[i] === scores[best] && (time(a) - time(b) || a.id - b.id) < 0)) best = i;
  }
  return members[best]!;
}
