import type { ChannelRef } from '../commands/command.ts';

/** A stored topic: one channel's, or (scope null) one of the defaults from data/topics.json. */
export interface TopicRecord {
  /** Row id in `topics`: unique across channels, what matches are recorded against. */
  readonly row: number;
  /** The id people type (`long-range-strikes`); unique within its scope. */
  readonly topic: string;
  readonly name: string;
  readonly query: string;
  readonly scope: ChannelRef | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What a channel follows, and whether that is its own set or the defaults. */
export interface ChannelTopics {
  readonly topics: readonly TopicRecord[];
  readonly source: 'channel' | 'defaults';
}

/** Same rule as the chat grammar: 1–64 lower-case letters, digits, "-" or "_". */
export const TOPIC_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
