import { IntLists } from './intLists.ts';

/**
 * What the index reads for every candidate topic, packed into one fixed-size record per topic
 * in one Int32Array. At 10,000 topics an item makes ~400 candidates; with one array per field
 * each candidate cost a cache miss per field, with a record it costs about one.
 *
 *   [STAMP]        the item it was last a candidate for (each topic is checked once per item)
 *   [EXACT]        1 when holding its anchor groups already is a match (matchedByAnchors)
 *   [REQUIRED]     a slot it cannot match without, or -1 (CompiledQuery.requiredSlot)
 *   [SECOND_COUNT] how many slots its second anchor group has; 0 when it has one group
 *   [SECOND…]      those slots when there are at most INLINE_SECOND, else they are in `overflow`
 */
export const RECORD = 8;
export const STAMP = 0;
export const EXACT = 1;
export const REQUIRED = 2;
export const SECOND_COUNT = 3;
export const SECOND = 4;
export const INLINE_SECOND = RECORD - SECOND;

export class TopicRecords {
  private records = new Int32Array(1024 * RECORD);
  /** Second anchor groups too long to sit in their record. */
  readonly overflow = new IntLists();

  /** The records, for the hot loop to read directly (topic `id` starts at `id * RECORD`). */
  get data(): Int32Array {
    return this.records;
  }

  /** Topic `id` now holds a new query: clears its stamp and writes what candidates need. */
  write(id: number, fields: { exact: boolean; required: number; second: readonly number[] }): void {
    while ((id + 1) * RECORD > this.records.length) {
      const grown = new Int32Array(this.records.length * 2);
      grown.set(this.records);
      this.records = grown;
    }
    const at = id * RECORD;
    this.records[at + STAMP] = 0;
    this.records[at + EXACT] = fields.exact ? 1 : 0;
    this.records[at + REQUIRED] = fields.required;
    this.setSecond(id, fields.second);
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

  /** The second group's slots, as written. */
  second(id: number): number[] {
    const at = id * RECORD;
    const count = this.records[at + SECOND_COUNT]!;
    if (count <= INLINE_SECOND) return Array.from(this.records.subarray(at + SECOND, at + SECOND + count));
    const start = this.overflow.offset(id);
    return Array.from(this.overflow.data.subarray(start, start + count));
  }

  clear(id: number): void {
    this.setSecond(id, []);
  }
}
