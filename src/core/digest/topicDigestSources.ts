import type { TopicService } from '../topics/topicService.ts';
import { channelKey } from '../subscriptions/subscription.ts';
import type { DigestSources } from './digestSources.ts';

/**
 * The digest's view of topics (issue #4): a channel's digest holds the articles that matched
 * its topics (its own set, or the defaults while it has none). Without a channel (the CLI's
 * `digest` with no --channel) every article in the window counts. Channels on the defaults
 * share one audience, so they share one digest per window.
 */
export function topicDigestSources(topics: TopicService): DigestSources {
  return {
    articles: (channel, window) => (channel ? topics.articlesFor(channel, window) : undefined),
    audienceKey: (channel) => (topics.forChannel(channel).source === 'defaults' ? 'default-topics' : channelKey(channel)),
  };
}
