import type { ChannelRef } from '../commands/command.ts';
import type { Article } from '../store/articleStore.ts';
import type { DigestWindow, PolicyStatusLine } from './digest.ts';

/**
 * What the digest needs from features built beside it, as small seams. Each has a fallback in
 * createDigestBuilder, so the digest works before topics (#4) and policy tracking (#6) land and
 * picks them up when core wiring passes them in.
 */
export interface DigestSources {
  /** The channel's articles in the window (topic matches); undefined or absent: every article in the window. */
  readonly articles?: (channel: ChannelRef | undefined, window: DigestWindow) => readonly Article[] | undefined;
  /**
   * Channels with the same key get the same digest for a window (they follow the same topics),
   * so a thousand channels on the default topics cost one digest; fallback: one per channel.
   */
  readonly audienceKey?: (channel: ChannelRef) => string;
  /**
   * Topic weight of an article for this channel (higher ranks first); fallback: 0. Asked once per
   * digest, so what depends only on the channel (its topic list) is read once, not per article.
   */
  readonly topicWeight?: (channel: ChannelRef | undefined) => (articleId: number) => number;
  /** Each tracked policy's state at `until`; fallback: none tracked. */
  readonly policyStatus?: (window: DigestWindow) => readonly PolicyStatusLine[];
  /**
   * The policy event (in the window) an article is evidence of, if any. Those entries rank first,
   * and reports of one event are one entry.
   */
  readonly policyEventOf?: (window: DigestWindow) => (article: Article) => number | undefined;
  /** One-line signals for the window ("under pressure: 4 sources this week"). */
  readonly signals?: (window: DigestWindow) => readonly string[];
}
