/** A word or prefix some topic uses, as the index tracks it (see topicIndex.ts). */
export interface Slot {
  readonly kind: 'stem' | 'prefix';
  readonly value: string;
  /** Index into the index's `seen` array: the item number when it last occurred. */
  readonly id: number;
  /** How many topic leaves refer to it; the slot goes when the last one does. */
  refs: number;
  /** How many phrases start with it: only then are its positions recorded (MatchState). */
  phraseStarts: number;
}
