import { topicDigestSources, type TopicsForDigest } from '../digest/topicDigestSources.ts';
import type { ArticleStore } from '../store/articleStore.ts';
import type { Delivery } from './createDelivery.ts';

/**
 * Connects topics to delivery: a channel's digest holds the articles matching its topics, and
 * `/brief subscribe alerts <topic>` gets the policy alerts whose reports matched that topic.
 */
export function connectTopics(delivery: Delivery, topics: TopicsForDigest, articles: ArticleStore): void {
  delivery.digests.use(topicDigestSources(topics));
  delivery.alerts.useTopics((alert) =>
    alert.evidence.flatMap((e) => {
      const article = e.url ? articles.findByUrl(e.url) : undefined;
      return article ? topics.matchesFor(article.id).map((m) => m.topic) : [];
    }),
  );
}
