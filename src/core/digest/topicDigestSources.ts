import type { ChannelRef } from '../commands/command.ts';
import type { Article } from '../store/articleStore.ts';
import { channelKey } from '../subscriptions/subscription.ts';
import type { DigestWindow } from './digest.ts';
import type { DigestSources } from './digestSources.ts';

/** What the digest reads from topics (core.topics, issue #4), and nothing more. */
export interface TopicsForDigest {
  articlesFor(channel: ChannelRef, window: DigestWindow): Article[];
  forChannel(channel: ChannelRef): { readonly source: 'defaults' | 'channel'; readonly topics: readonly { readonly topic: string; readonly row: number }[] };
  matchesFor(articleId: number): readonly { readonly topic: string; readonly row: number }[];
}

/**
 * The digest's view of topics: a channel's digest holds the articles that matched its topics
 * (its own set, or the defaults while it has none). Without a channel (the CLI's `digest` with
 * no --channel) every article in the window counts. Channels on the defaults share one
 * audience, so they share one digest per window. Ranking weighs an article by how many of the
 * channel's topics it matched.
 */
export function topicDigestSources(topics: TopicsForDigest): DigestSources {
  return {
    articles: (channel, window) => (channel ? topics.articlesFor(channel, window) : undefined),
    audienceKey: (channel) => (topics.forChannel(channel).source === 'defaults' ? 'default-topics' : channelKey(channel)),
    // Within a rank, a story matching more of the channel's topics comes first. The channel's
    // topic list is read once per digest: per article it cost a third of a 100k-article digest.
    topicWeight: (channel) => {
      if (!channel) return () => 0;
      const rows = new Set(topics.forChannel(channel).topics.map((t) => t.row));
      return (articleId) => topics.matchesFor(articleId).filter((m) => rows.has(m.row)).length;
    },
  };
}
