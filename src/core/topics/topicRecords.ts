import { IntLists } from './intLists.ts';

/**
 * What the index keeps per topic beside its postings, packed into one fixed-size record per
 * topic in one Int32Array (one cache line per topic, not one per field):
 *
 *   [STAMP]        the item it was last a candidate for: a topic filed under several slots
 *                  is checked once per item
 *   [SECOND_COUNT] how many slots its second anchor group has
 *   [SECOND…]      those slots when there are at most INLINE_SECOND, else they are in `overflow`
 *
 * The posting itself carries the second group when it has one or two words (topicIndex.ts),
 * so the record is read only for topics filed under several slots or with a longer group.
 */
export const RECORD = 8;
export const STAMP = 0;
const SECOND_COUNT = 1;
const SECOND = 2;
const INLINE_SECOND = RECORD - SECOND;

export class TopicRecords {
  private records = new Int32Array(1024 * RECORD);
  /** Second anchor groups too long to sit in their record. */
  private readonly overflow = new IntLists();

  /** The records, for the hot loop to read directly (topic `id` starts at `id * RECORD`). */
  get data(): Int32Array {
    return this.records;
  }

  /** Topic `id` holds a new query: clears its stamp. */
  reset(id: number): void {
    while ((id + 1) * RECORD > this.records.length) {
      const grown = new Int32Array(this.records.length * 2);
      grown.set(this.records);
      this.records = grown;
    }
    this.records[id * RECORD + STAMP] = 0;
    this.setSecond(id, []);
  }

  /** Replaces the second anchor group (the index re-files topics as it learns word frequencies). */
  setSecond(id: number, slots: readonly number[]): void {
    const at = id * RECORD;
    this.records[at + SECOND_COUNT] = slots.length;
    if (slots.length <= INLINE_SECOND) {
      this.overflow.clear(id);
      slots.forEach((slot, i) => (this.records[at + SECOND + i] = slot));
    } else {
      this.overflow.set(id, slots);
    }
  }

  /** Whether a slot of the topic's second group occurred in this item (seen[slot] === item). */
  secondOccurred(id: number, seen: Int32Array, item: number): boolean {
    const at = id * RECORD;
    const count = this.records[at + SECOND_COUNT]!;
    const inline = count <= INLINE_SECOND;
    const data = inline ? this.records : this.overflow.data;
    const start = inline ? at + SECOND : this.overflow.offset(id);
    for (let i = start; i < start + count; i++) if (seen[data[i]!] === item) return true;
    return false;
  }

  clear(id: number): void {
    this.setSecond(id, []);
  }
}
