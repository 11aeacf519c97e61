import { BANDS } from './minHash.ts';

const NONE = -1;

/**
 * The LSH buckets of every signed article, in memory: (band, bucket) → article ids, newest
 * first. It replaces the `story_bands` table, whose 32 rows written and 32 lookups per article
 * were a third of ingest time; at 100,000 articles it holds 3.2 million entries in ~45 MB of
 * typed arrays (no object per entry). StoryStore rebuilds it from `story_signatures`.
 *
 * Entry `slot * BANDS + band` is one article's bucket in one band. Entries sharing a table
 * position form a chain sorted by article id, newest first, so a bucket's most recent members
 * are the first ones met — what `ORDER BY article_id DESC LIMIT n` gave.
 */
export class BandIndex {
  private ids: Int32Array = new Int32Array(1024);
  private buckets: Int32Array = new Int32Array(1024 * BANDS);
  private next: Int32Array = new Int32Array(1024 * BANDS);
  private heads = new Int32Array(1 << 12).fill(NONE);
  private mask = (1 << 12) - 1;
  private slots = 0;
  private highest = 0;
  private readonly slotOf = new Map<number, number>();
  /** visitMembers' place in each band's chain, and how many members it has given. */
  private readonly cursor = new Int32Array(BANDS);
  private readonly found = new Int32Array(BANDS);

  get size(): number {
    return this.slots;
  }

  /** The highest article id indexed, 0 when empty. */
  get lastId(): number {
    return this.highest;
  }

  /** Indexes (or re-indexes) an article's buckets, one per band. */
  add(articleId: number, bandBuckets: ArrayLike<number>): void {
    const existing = this.slotOf.get(articleId);
    if (existing !== undefined) {
      this.unlink(existing);
      this.link(existing, bandBuckets);
      return;
    }
    if (this.slots === this.ids.length) this.grow();
    const slot = this.slots++;
    this.ids[slot] = articleId;
    this.slotOf.set(articleId, slot);
    this.highest = Math.max(this.highest, articleId);
    this.link(slot, bandBuckets);
    // Chained, so 2 entries per head still means short chains (8 MB of heads at 100k articles).
    if (this.slots * BANDS > this.heads.length * 2) this.rehash(this.heads.length * 2);
  }

  /** Forgets every article with an id above `articleId` (their rows were rolled back). */
  truncateAfter(articleId: number): void {
    if (this.highest <= articleId) return;
    let kept = 0;
    this.slotOf.clear();
    for (let slot = 0; slot < this.slots; slot++) {
      const id = this.ids[slot]!;
      if (id > articleId) continue;
      this.ids[kept] = id;
      this.buckets.copyWithin(kept * BANDS, slot * BANDS, (slot + 1) * BANDS);
      this.slotOf.set(id, kept++);
    }
    this.slots = kept;
    this.highest = articleId;
    this.rehash(this.heads.length);
  }

  /**
   * Every band's members at once: for each band b, up to `limit` ids in (b, bandBuckets[b]),
   * newest first within the band, given to `visit` (bands interleaved). The 32 chains are
   * walked a step each in turn, not one after the other: each step is a cache miss at
   * 100,000 articles, and misses in different chains can be waited for together.
   */
  visitMembers(bandBuckets: ArrayLike<number>, limit: number, visit: (id: number) => void): void {
    const { cursor, found, buckets, next, ids } = this;
    for (let band = 0; band < BANDS; band++) {
      cursor[band] = this.heads[this.hash(band, bandBuckets[band]! | 0)]!;
      found[band] = 0;
    }
    for (let walking = true; walking; ) {
      walking = false;
      for (let band = 0; band < BANDS; band++) {
        const entry = cursor[band]!;
        if (entry === NONE) continue;
        walking = true;
        cursor[band] = next[entry]!;
        if (buckets[entry] !== (bandBuckets[band]! | 0) || entry % BANDS !== band) continue;
        visit(ids[(entry / BANDS) | 0]!);
        if (++found[band]! >= limit) cursor[band] = NONE;
      }
    }
  }

  private hash(band: number, bucket: number): number {
    let h = Math.imul(bucket ^ Math.imul(band + 1, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** Puts each of the slot's entries into its chain, keeping the chain newest first. */
  private link(slot: number, bandBuckets: ArrayLike<number>): void {
    for (let band = 0; band < BANDS; band++) this.buckets[slot * BANDS + band] = bandBuckets[band]! | 0;
    this.relink(slot);
  }

  private relink(slot: number): void {
    const id = this.ids[slot]!;
    // A new article has the highest id: it goes first in every chain, with no look at the
    // ids already there (each a cache miss). Only an older one walks.
    const newest = id >= this.highest;
    for (let band = 0; band < BANDS; band++) {
      const entry = slot * BANDS + band;
      const h = this.hash(band, this.buckets[entry]!);
      let previous = NONE;
      let current = this.heads[h]!;
      while (!newest && current !== NONE && this.ids[(current / BANDS) | 0]! > id) {
        previous = current;
        current = this.next[current]!;
      }
      this.next[entry] = current;
      if (previous === NONE) this.heads[h] = entry;
      else this.next[previous] = entry;
    }
  }

  private unlink(slot: number): void {
    for (let band = 0; band < BANDS; band++) {
      const entry = slot * BANDS + band;
      const h = this.hash(band, this.buckets[entry]!);
      let previous = NONE;
      let current = this.heads[h]!;
      while (current !== NONE && current !== entry) {
        previous = current;
        current = this.next[current]!;
      }
      if (current === NONE) continue;
      if (previous === NONE) this.heads[h] = this.next[entry]!;
      else this.next[previous] = this.next[entry]!;
    }
  }

  private grow(): void {
    const capacity = this.ids.length * 2;
    const grown = (from: Int32Array, size: number): Int32Array => {
      const to = new Int32Array(size);
      to.set(from);
      return to;
    };
    this.ids = grown(this.ids, capacity);
    this.buckets = grown(this.buckets, capacity * BANDS);
    this.next = grown(this.next, capacity * BANDS);
  }

  private rehash(size: number): void {
    this.heads = new Int32Array(size).fill(NONE);
    this.mask = size - 1;
    for (let slot = 0; slot < this.slots; slot++) this.relink(slot);
  }
}
