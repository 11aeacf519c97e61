import { grow } from './growArrays.ts';

/**
 * Many small lists of integers in one Int32Array, each list a block of it: the index keeps
 * every slot's postings (the topics filed under it) and every topic's program here, so reading
 * the lists of the ~200 words an item hits, or the programs of ~100 candidates, touches one
 * array rather than hundreds of objects scattered over the heap.
 * A list that outgrows its block moves to the end with twice the room; removal swaps the last
 * posting into the hole. When more than half the array is abandoned blocks, the lists are
 * packed again — a memory compaction, not a re-index: no topic is looked at.
 */
export class IntLists {
  private arena = new Int32Array(4096);
  private used = 0;
  private live = 0;
  private start = new Int32Array(1024);
  private length = new Int32Array(1024);
  private capacity = new Int32Array(1024);

  /** The array and where list `list` sits in it, for the hot loop to read directly. */
  get data(): Int32Array {
    return this.arena;
  }
  /** Per list, where it starts in `data` and how long it is (the hot loops read these directly). */
  get starts(): Int32Array {
    return this.start;
  }
  get lengths(): Int32Array {
    return this.length;
  }
  offset(list: number): number {
    return this.start[list]!;
  }
  size(list: number): number {
    return this.length[list]!;
  }

  add(list: number, posting: number): void {
    this.ensureList(list);
    if (this.length[list] === this.capacity[list]) this.move(list, Math.max(4, this.capacity[list]! * 2));
    this.arena[this.start[list]! + this.length[list]!] = posting;
    this.length[list]!++;
    this.live++;
  }

  /**
   * Makes `list` hold exactly `values`, in a block of exactly their size: a program or second
   * group is written once, and growing it posting by posting left three abandoned blocks per
   * list (the arena was three times what it held, and verification reads it at random).
   */
  set(list: number, values: ArrayLike<number>): void {
    this.clear(list);
    if (values.length === 0) return;
    this.ensureList(list);
    this.move(list, values.length);
    for (let i = 0; i < values.length; i++) this.arena[this.start[list]! + i] = values[i]!;
    this.length[list] = values.length;
    this.live += values.length;
  }

  /**
   * Removes the entries of `list` whose first int `drop` accepts. An entry is `stride` ints
   * (the index's postings are pairs); the last entry moves into the hole.
   */
  removeWhere(list: number, drop: (first: number) => boolean, stride = 1): void {
    const begin = this.start[list]!;
    for (let i = this.length[list]! - stride; i >= 0; i -= stride) {
      if (!drop(this.arena[begin + i]!)) continue;
      this.length[list]! -= stride;
      this.arena.copyWithin(begin + i, begin + this.length[list]!, begin + this.length[list]! + stride);
      this.live -= stride;
    }
  }

  /** Forgets a list (its slot was dropped); its block becomes garbage. */
  clear(list: number): void {
    if (list >= this.start.length) return;
    this.live -= this.length[list]!;
    this.length[list] = 0;
    this.capacity[list] = 0;
  }

  private ensureList(list: number): void {
    while (list >= this.start.length) {
      this.start = grow(this.start, 0);
      this.length = grow(this.length, 0);
      this.capacity = grow(this.capacity, 0);
    }
  }

  private move(list: number, capacity: number): void {
    if (this.used + capacity > this.arena.length) this.makeRoom(capacity);
    this.arena.copyWithin(this.used, this.start[list]!, this.start[list]! + this.length[list]!);
    this.start[list] = this.used;
    this.capacity[list] = capacity;
    this.used += capacity;
  }

  private makeRoom(needed: number): void {
    if (this.live * 2 < this.used) return this.pack(needed);
    const bigger = new Int32Array(Math.max(this.arena.length * 2, this.used + needed));
    bigger.set(this.arena.subarray(0, this.used));
    this.arena = bigger;
  }

  private pack(needed: number): void {
    let total = needed;
    for (let list = 0; list < this.start.length; list++) if (this.capacity[list] !== 0) total += Math.max(4, this.length[list]! * 2);
    // Twice what is live, so the next packing is as far away as this one was.
    const packed = new Int32Array(Math.max(this.arena.length, 2 * total));
    let used = 0;
    for (let list = 0; list < this.start.length; list++) {
      const length = this.length[list]!;
      if (this.capacity[list] === 0) continue;
      const capacity = Math.max(4, length * 2);
      packed.set(this.arena.subarray(this.start[list]!, this.start[list]! + length), used);
      this.start[list] = used;
      this.capacity[list] = capacity;
      used += capacity;
    }
    this.arena = packed;
    this.used = used;
  }
}
