import { grow } from './growArrays.ts';

/**
 * The topics one item matched, given back in the order the topics were added, without a sort.
 *
 * Each topic has a rank: its place in add order among the topics present (dense: 0…n-1). The
 * matches of an item are bits in a set indexed by rank, read out lowest first: at 10,000 topics
 * that is ~300 words to scan, cheaper than sorting the ~80 matches of a news item (the sort was
 * a tenth of all matching). When the matches are few and far apart, their ranks are sorted
 * instead, so a huge index with a rare match does not scan the whole set.
 *
 * Removing a topic shifts the ranks after it down by one: O(topics) plain array work, no
 * re-filing of anything in the index.
 */
export class MatchOrder<K> {
  private rankById = new Int32Array(1024);
  private readonly keyByRank: K[] = [];
  private readonly idByRank: number[] = [];
  private bits = new Int32Array(32);
  private ranks = new Int32Array(256);
  /** Every topic's rank is its id (topics only ever added, ids handed out in order): no lookup. */
  private ranksAreIds = true;
  private count = 0;
  private low = 0;
  private high = -1;

  add(id: number, key: K): void {
    while (id >= this.rankById.length) this.rankById = grow(this.rankById, 0);
    const rank = this.keyByRank.length;
    if (rank === 0) this.ranksAreIds = true;
    if (id !== rank) this.ranksAreIds = false;
    this.rankById[id] = rank;
    this.keyByRank.push(key);
    this.idByRank.push(id);
    while (rank >> 5 >= this.bits.length) this.bits = grow(this.bits, 0);
  }

  remove(id: number): void {
    const rank = this.rankById[id]!;
    this.ranksAreIds = false;
    this.keyByRank.splice(rank, 1);
    this.idByRank.splice(rank, 1);
    for (let r = rank; r < this.idByRank.length; r++) this.rankById[this.idByRank[r]!] = r;
  }

  /** Starts collecting the matches of a new item. */
  begin(): void {
    this.count = 0;
    this.low = this.bits.length;
    this.high = -1;
  }

  /** Topic `id` matched the current item (each topic at most once per item). */
  note(id: number): void {
    const rank = this.ranksAreIds ? id : this.rankById[id]!;
    const word = rank >> 5;
    this.bits[word]! |= 1 << (rank & 31);
    if (word < this.low) this.low = word;
    if (word > this.high) this.high = word;
    if (this.count === this.ranks.length) this.ranks = grow(this.ranks, 0);
    this.ranks[this.count++] = rank;
  }

  /**
   * Appends the current item's matches to `into`, in add order, and clears the set for the
   * next item. Appending, so that a caller gathering a batch allocates no array per item.
   */
  appendKeys(into: K[]): void {
    if (this.count === 0) return;
    if (this.high - this.low > this.count * 16) return this.appendSorted(into);
    const { bits, keyByRank } = this;
    for (let word = this.low; word <= this.high; word++) {
      let set = bits[word]!;
      if (set === 0) continue;
      bits[word] = 0;
      while (set !== 0) {
        const lowest = set & -set;
        into.push(keyByRank[(word << 5) + 31 - Math.clz32(lowest)]!);
        set ^= lowest;
      }
    }
  }

  private appendSorted(into: K[]): void {
    const sorted = this.ranks.subarray(0, this.count).sort();
    for (let i = 0; i < sorted.length; i++) {
      this.bits[sorted[i]! >> 5] = 0;
      into.push(this.keyByRank[sorted[i]!]!);
    }
  }
}
