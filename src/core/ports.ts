/**
 * Small interfaces the core needs and others implement (style: ports in the core,
 * implementations outside). Each is optional: a command whose port is missing says so.
 */
import type { FeedSource } from './feedRegistry/feedItem.ts';

export interface Ports {
  /**
   * Fetches and parses a feed, guarded (src/feeds). Not readonly: the CLI installs it on the
   * core it opened (see src/feeds/installFeedSource.ts).
   */
  feedSource?: FeedSource;
  // Feeds (issue #3) and delivery (issue #7) add their ports here.
}
