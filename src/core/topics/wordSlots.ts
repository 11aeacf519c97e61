import { filled, grow } from './growArrays.ts';
import type { Slot } from './slot.ts';

const UNRESOLVED = -1; // not looked up since the index last changed
/** A word that marks no slot. */
export const NO_SLOT = -2;
/** This and below: a block in `blocks` at FIRST_BLOCK - value (several slots). */
export const FIRST_BLOCK = -3;
/**
 * Set on the code of a word that marks one slot, which starts a phrase: the code is then
 * `slot | PHRASE_START` (slot ids stay far below it). A quarter of a news item's words are
 * such words (95 of 352 in the match benchmark), and the flag saves them a block read and a look at the slot's phrase count.
 */
export const PHRASE_START = 1 << 29;

/**
 * Whether a word whose lookup gave `code` marks `slot` (`blocks` as WordSlots.blocks): the code
 * itself, or a member of its block. Phrase checks read the following words through this.
 */
export function marks(code: number, blocks: Int32Array, slot: number): boolean {
  if (code === slot || code === (slot | PHRASE_START)) return true;
  if (code > FIRST_BLOCK) return false;
  const at = FIRST_BLOCK - code;
  const end = at + 1 + blocks[at]!;
  for (let b = at + 1; b < end; b++) if (blocks[b] === slot) return true;
  return false;
}

/**
 * Which slots each word of the lexicon marks, resolved the first time the word is met and
 * kept in a typed array by word id: the topic index reads this once per word of every item.
 * A word that marks one slot maps to the slot id itself (the common case, one read), flagged
 * with PHRASE_START when that slot starts a phrase; a word that marks several to a
 * `[count, slotId…]` block. A change to the index's slots, or a new lexicon generation,
 * forgets every resolution; they come back lazily.
 */
export class WordSlots {
  private table = filled(1024, UNRESOLVED);
  private blockData = new Int32Array(256);
  private used = 0;
  private generation = -1;
  private stale = false;

  /** `slotsOf(word)`: the slots a word marks (its stem's, its prefixes'), from the index. */
  constructor(private readonly slotsOf: (word: number) => readonly Slot[]) {}

  /** The blocks, for the hot loop to read directly. */
  get blocks(): Int32Array {
    return this.blockData;
  }

  /** Word id → slot id, NO_SLOT, block code or UNRESOLVED (words of the current item are all resolved). */
  get codes(): Int32Array {
    return this.table;
  }

  /** Slots came or went, or a slot started or stopped starting a phrase. */
  invalidate(): void {
    this.stale = true;
  }

  /** Called before each item: resolutions from another lexicon generation or before a change are dropped. */
  startItem(generation: number): void {
    if (generation === this.generation && !this.stale) return;
    this.table.fill(UNRESOLVED);
    this.used = 0;
    this.generation = generation;
    this.stale = false;
  }

  /** A slot id (maybe flagged PHRASE_START), NO_SLOT, or a block code (≤ FIRST_BLOCK). */
  lookup(word: number): number {
    const known = word < this.table.length ? this.table[word]! : UNRESOLVED;
    return known === UNRESOLVED ? this.resolve(word) : known;
  }

  private resolve(word: number): number {
    const found = this.slotsOf(word);
    const one = found.length === 1 ? found[0]! : undefined;
    const code = found.length === 0 ? NO_SLOT : one ? one.id | (one.phraseStarts > 0 ? PHRASE_START : 0) : this.block(found);
    while (word >= this.table.length) this.table = grow(this.table, UNRESOLVED);
    this.table[word] = code;
    return code;
  }

  private block(slots: readonly Slot[]): number {
    while (this.used + slots.length + 1 > this.blockData.length) this.blockData = grow(this.blockData, 0);
    const at = this.used;
    this.blockData[at] = slots.length;
    slots.forEach((slot, i) => (this.blockData[at + 1 + i] = slot.id));
    this.used += slots.length + 1;
    return FIRST_BLOCK - at;
  }
}
