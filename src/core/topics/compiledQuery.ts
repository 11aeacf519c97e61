import type { QueryNode } from './queryAst.ts';
import type { Slot } from './slot.ts';
import type { Tokens } from './tokenize.ts';
import { marks } from './wordSlots.ts';

/** What verification reads while one item is matched. */
export interface MatchState {
  item: number;
  tokens: Tokens;
  /** Per slot id, the number of the item it last occurred in. */
  seen: Int32Array;
  /**
   * Where phrase-starting slots occur in this item, as linked lists in two typed arrays (no
   * array per slot to reset): `lastAt[slot]` is its last position (valid when
   * `seen[slot] === item`), `previousAt[position]` the one before, -1 at the first.
   */
  lastAt: Int32Array;
  previousAt: Int32Array;
  /**
   * The index's word → slot codes (wordSlots.ts), every word of this item already resolved:
   * a phrase compares the slots of the words that follow its first, not their stems.
   */
  slotCodes: Int32Array;
  blocks: Int32Array;
}

export interface SlotSource {
  stemSlot(stem: string): Slot;
  prefixSlot(prefix: string): Slot;
}

/**
 * A query as a flat program: `[op, length, operand…]` per node, children inline. Verifying
 * one of 10,000 topics must not chase pointers through a tree of objects — with closures or
 * node objects each check cost ~0.5–1 µs in cache misses; the program is one contiguous
 * array, and a leaf is one read of the shared `seen` array.
 *
 *   LEAF   [0, 3, slotId]           the word or prefix occurred in this item
 *   PHRASE [1, 2 + n, slotId…]     its n words occurred, in a row
 *   NOT    [2, 2 + n, child]
 *   AND    [3, 2 + n, children…]    children ordered rarest-first, so most fail at once
 *   OR     [4, 2 + n, children…]
 */
export interface CompiledQuery {
  readonly code: Int32Array;
  /** The slot of each phrase's first word: the index records where those occur (MatchState). */
  readonly phraseStarts: readonly Slot[];
  /**
   * A word the query cannot match without (a leaf of its top AND, other than the anchor), or
   * -1: the index rejects most candidates on this one read before running the program.
   */
  readonly requiredSlot: number;
}

const LEAF = 0;
const PHRASE = 1;
const NOT = 2;
const AND = 3;
const OR = 4;

/**
 * The order an AND checks its children in: the anchor (the most selective child, under which
 * the topic is filed, so usually present) last; the others rarest first, since a rare word
 * is the likeliest to be missing and end the check; exclusions after them.
 */
function checkingOrder(children: readonly QueryNode[], weight: (node: QueryNode) => number | null): QueryNode[] {
  const weighed = children.map((node) => ({ node, weight: weight(node) }));
  const positives = weighed.filter((c) => c.weight !== null).sort((a, b) => b.weight! - a.weight!);
  const negatives = weighed.filter((c) => c.weight === null);
  return [...positives.slice(1), ...positives.slice(0, 1), ...negatives].map((c) => c.node);
}

/** `weight` is the selectivity of a node (anchors.ts): higher means fewer items contain it. */
export function compileQuery(query: QueryNode, slots: SlotSource, weight: (node: QueryNode) => number | null): CompiledQuery {
  const code: number[] = [];
  const phraseStarts: Slot[] = [];
  const emit = (node: QueryNode): void => {
    const start = code.length;
    switch (node.kind) {
      case 'term':
      case 'prefix':
        code.push(LEAF, 3, (node.kind === 'term' ? slots.stemSlot(node.stem) : slots.prefixSlot(node.prefix)).id);
        return;
      case 'phrase': {
        const wordSlots = node.stems.map((stem) => slots.stemSlot(stem));
        // The words' slot ids sit in the program: a phrase whose words are not all in the item
        // is rejected on `seen`, and one whose words are checks their order against them.
        code.push(PHRASE, 2 + wordSlots.length, ...wordSlots.map((slot) => slot.id));
        phraseStarts.push(wordSlots[0]!);
        return;
      }
      case 'not':
        code.push(NOT, 0);
        emit(node.child);
        break;
      case 'and':
        code.push(AND, 0);
        checkingOrder(node.children, weight).forEach(emit);
        break;
      case 'or':
        code.push(OR, 0);
        node.children.forEach(emit);
        break;
    }
    code[start + 1] = code.length - start;
  };
  emit(query);
  return { code: Int32Array.from(code), phraseStarts, requiredSlot: query.kind === 'and' && code[2] === LEAF ? code[4]! : -1 };
}

/**
 * Whether the item being matched (state.item) satisfies a compiled query, given its program
 * where the index keeps it (`code` from `start`).
 */
export function verify(code: Int32Array, start: number, state: MatchState): boolean {
  switch (code[start]) {
    case LEAF:
      return state.seen[code[start + 2]!] === state.item;
    case AND: {
      const end = start + code[start + 1]!;
      for (let child = start + 2; child < end; child += code[child + 1]!) if (!verify(code, child, state)) return false;
      return true;
    }
    case OR: {
      const end = start + code[start + 1]!;
      for (let child = start + 2; child < end; child += code[child + 1]!) if (verify(code, child, state)) return true;
      return false;
    }
    case NOT:
      return !verify(code, start + 2, state);
    default: {
      const end = start + code[start + 1]!;
      for (let word = start + 2; word < end; word++) if (state.seen[code[word]!] !== state.item) return false;
      return phraseOccurs(code, start + 2, end, state);
    }
  }
}

/**
 * Every word occurred (checked by the caller); do they occur in a row? From each position of
 * the first word (its linked list), the next words must mark the phrase's next slots: one read
 * of the word → slot table each, the same table the item's words were just read through.
 */
function phraseOccurs(code: Int32Array, first: number, end: number, state: MatchState): boolean {
  const words = state.tokens.words;
  const { previousAt, slotCodes } = state;
  const length = end - first;
  outer: for (let at = state.lastAt[code[first]!]!; at >= 0; at = previousAt[at]!) {
    if (at + length > words.length) continue;
    for (let j = 1; j < length; j++) {
      const word = words[at + j]!;
      if (word < 0) continue outer;
      if (!marks(slotCodes[word]!, state.blocks, code[first + j]!)) continue outer;
    }
    return true;
  }
  return false;
}
