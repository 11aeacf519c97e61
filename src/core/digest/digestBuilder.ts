import type { ChannelRef } from '../commands/command.ts';
import type { Article, ArticleStore } from '../store/articleStore.ts';
import { channelKey } from '../subscriptions/subscription.ts';
import type { Digest, DigestSource, DigestStory, DigestWindow } from './digest.ts';
import type { DigestSources } from './digestSources.ts';
import { extractiveSummary } from './extractiveSummary.ts';
import { groupArticles, type ArticleGroup } from './storyGroups.ts';

/** More than this many entries and the digest stops being a briefing. */
export const MAX_STORIES = 10;

const outletOf = (article: Article): string => article.outlet?.trim() || 'Unknown outlet';

/**
 * Builds a digest: the window's articles (matched to the channel's topics), grouped into
 * stories, ranked by policy events first, then number of outlets, then topic weight, then
 * recency; each with a headline, an extractive summary and every source.
 */
export class DigestBuilder {
  constructor(
    private readonly articles: ArticleStore,
    private readonly sources: DigestSources = {},
  ) {}

  /** Extra seams wired later (policy tracking, topics) replace the fallbacks. */
  use(sources: DigestSources): void {
    Object.assign(this.sources, sources);
  }

  build(window: DigestWindow, channel?: ChannelRef): Digest {
    const articles = this.sources.articles?.(channel, window) ?? this.articles.list({ since: window.since, until: window.until });
    const eventOf = this.sources.policyEventOf?.(window) ?? (() => undefined);
    const weightOf = this.sources.topicWeight?.(channel) ?? (() => 0);
    const ranked = groupArticles(articles, eventOf)
      .map((group) => ({ group, rank: rank(group, eventOf, weightOf) }))
      .sort((a, b) => compareRanks(a.rank, b.rank));
    const stories = ranked.slice(0, MAX_STORIES).map(({ group }) => this.story(group));
    return {
      window,
      status: this.sources.policyStatus?.(window) ?? [],
      stories,
      counts: {
        articles: articles.length,
        outlets: new Set(articles.map(outletOf)).size,
        stories: ranked.length,
      },
    };
  }

  /** Channels with equal keys get equal digests for a window ('' when nothing is per channel). */
  audienceOf(channel: ChannelRef): string {
    if (this.sources.audienceKey) return this.sources.audienceKey(channel);
    return this.sources.articles ?? this.sources.topicWeight ? channelKey(channel) : '';
  }

  signals(window: DigestWindow): readonly string[] {
    return this.sources.signals?.(window) ?? [];
  }

  private story(group: ArticleGroup): DigestStory {
    const ordered = [...group.articles].sort((a, b) => (a.publishedAt ?? a.fetchedAt).localeCompare(b.publishedAt ?? b.fetchedAt) || a.id - b.id);
    const lead = group.lead;
    const sentences = [lead, ...ordered.filter((a) => a !== lead)].map((a) => this.articles.sentences(a.id));
    const sources: DigestSource[] = ordered.map((a) => ({ outlet: outletOf(a), title: a.title, url: a.url, publishedAt: a.publishedAt }));
    return { headline: lead.title, summary: extractiveSummary(sentences, ordered.map((a) => a.title)), sources };
  }
}

function rank(group: ArticleGroup, eventOf: (article: Article) => number | undefined, weightOf: (articleId: number) => number): number[] {
  const hasEvent = group.articles.some((a) => eventOf(a) !== undefined) ? 1 : 0;
  const outlets = new Set(group.articles.map(outletOf)).size;
  const weight = Math.max(0, ...group.articles.map((a) => weightOf(a.id)));
  const newest = Math.max(...group.articles.map((a) => Date.parse(a.publishedAt ?? a.fetchedAt)));
  return [hasEvent, outlets, weight, newest];
}

/** Higher first, component by component. */
function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
  return 0;
}
