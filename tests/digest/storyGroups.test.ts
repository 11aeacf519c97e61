import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupArticles, SAME_DEVELOPMENT } from '../../src/core/digest/storyGroups.ts';
import { sharedCount, titleTerms } from '../../src/core/digest/titleTerms.ts';
import type { Article } from '../../src/core/store/articleStore.ts';

const article = (id: number, title: string, hours: number, storyId: number | null): Article => ({
  id, title, outlet: null, author: null, url: null, guid: null, feedId: null, origin: null, summary: null, body: '', contentHash: `h${id}`,
  publishedAt: new Date(Date.UTC(2024, 10, 17) + hours * 3_600_000).toISOString(), fetchedAt: '2024-11-20T00:00:00.000Z', updatedAt: '2024-11-20T00:00:00.000Z', storyId,
});

const time = (a: Article) => Date.parse(a.publishedAt ?? a.fetchedAt);

/** The rules of storyGroups.ts written the slow way: every pair compared, every lead scored against every other. */
function reference(articles: readonly Article[], eventOf: (a: Article) => number | undefined): { ids: number[]; lead: number }[] {
  const parent = articles.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const join = (a: number, b: number) => void (parent[root(b)] = root(a));
  const terms = articles.map((a) => titleTerms(a.title));
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const [a, b] = [articles[i]!, articles[j]!];
      if (a.storyId !== null && a.storyId === b.storyId) join(i, j);
      if (eventOf(a) !== undefined && eventOf(a) === eventOf(b)) join(i, j);
      if (eventOf(a) !== undefined || eventOf(b) !== undefined) continue;
      const count = sharedCount(terms[i]!, terms[j]!);
      const close = Math.abs(time(a) - time(b)) <= SAME_DEVELOPMENT.maxApartHours * 3_600_000;
      if (count >= SAME_DEVELOPMENT.minShared && close && count / Math.min(terms[i]!.size, terms[j]!.size) >= SAME_DEVELOPMENT.minOverlap) join(i, j);
    }
  }
  const groups = new Map<number, number[]>();
  articles.forEach((_, i) => (groups.get(root(i)) ?? groups.set(root(i), []).get(root(i))!).push(i));
  return [...groups.values()].map((members) => {
    const score = (i: number) => members.reduce((sum, j) => sum + (i === j ? 0 : sharedCount(terms[i]!, terms[j]!)), 0);
    const lead = [...members].sort((a, b) => score(b) - score(a) || time(articles[a]!) - time(articles[b]!) || articles[a]!.id - articles[b]!.id)[0]!;
    return { ids: members.map((i) => articles[i]!.id), lead: articles[lead]!.id };
  });
}

// A small vocabulary, so headlines share words often, with the common ones on purpose.
const WORDS = ['Biden', 'Ukraine', 'ATACMS', 'strikes', 'Russia', 'inside', 'allows', 'missiles', 'Kursk', 'pressure', 'ban', 'lift', 'long-range', 'UK', 'Storm', 'Shadow', 'officials', 'report', '2024', 'deep'];
const headline = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 10 }).map((words) => words.join(' '));

describe('grouping a window’s articles into digest entries', () => {
  it('joins exactly the pairs the rules name, and picks the same lead, as comparing every pair does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({
          title: headline,
          hours: fc.integer({ min: 0, max: 200 }),
          // Mostly neither in a story nor evidence, so that the headline rule decides most joins.
          story: fc.constantFrom(null, null, null, null, 1, 2),
          event: fc.constantFrom(undefined, undefined, undefined, undefined, 1, 2),
        }), { maxLength: 40 }),
        (rows) => {
          const articles = rows.map((row, i) => article(i + 1, row.title, row.hours, row.story));
          const events = new Map(rows.map((row, i) => [i + 1, row.event]));
          const eventOf = (a: Article) => events.get(a.id);
          const got = groupArticles(articles, eventOf).map((g) => ({ ids: g.articles.map((a) => a.id), lead: g.lead.id }));
          expect(got).toEqual(reference(articles, eventOf));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('puts 1,600 look-alike headlines of one story into one entry led by the earliest', () => {
    const articles = Array.from({ length: 1600 }, (_, i) => article(i + 1, `Sector ${10 + (i % 30)} report ${1000 + i}: shelling near Kharkiv overnight`, i / 100, 7));
    const [group, ...rest] = groupArticles(articles);
    expect(rest).toEqual([]);
    expect(group!.articles).toHaveLength(1600);
    expect(group!.lead.id).toBe(1);
  });
});
