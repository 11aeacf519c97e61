import type { Anchor } from './anchors.ts';

/**
 * A posting is four ints, everything a candidate is checked with, so that most candidates
 * are decided without touching anything else (each other array read is a cache miss):
 *   [0] topic number × 2, + 1 when the topic is filed under several slots (then its record
 *       stamp makes sure it is checked once per item)
 *   [1] [2] its second anchor group: its one or two slots (the second -1 when it has one),
 *       NO_SECOND when it has none, LONG_SECOND when it has more (the record holds them)
 *   [3] how to confirm it: EXACT (holding its anchors is a match), or a slot it cannot match
 *       without (then its program), or PROGRAM (its program only)
 * Most candidates fail on the second group, on one read of `seen`.
 */
export const POSTING = 4;
export const NO_SECOND = -1;
export const LONG_SECOND = -2;
export const EXACT = -1;
export const PROGRAM = -2;

/** Where and how a topic is filed in the index, as slot ids; it changes when re-anchored. */
export interface Filing {
  /** The slots it is posted under: its first anchor group. */
  readonly posted: readonly number[];
  /** Its second anchor group, checked on each candidate (postings [1] [2], or the record). */
  readonly second: readonly number[];
  /** Posting [3]: EXACT, the slot it cannot match without, or PROGRAM. */
  readonly confirm: number;
}

/** What a topic brings to its filing besides its anchor groups (anchorGroupsOf). */
export interface FilingFacts {
  /** Holding its anchor groups already is a match (matchedByAnchors). */
  readonly exact: boolean;
  /** Its program's first required leaf (CompiledQuery.requiredSlot), or -1. */
  readonly requiredSlot: number;
}

/**
 * The filing of a topic with these anchor groups (most selective first). Only the first group
 * is posted; the second is checked per candidate, so a topic is touched only when its more
 * selective group is present; the third, when it is one word, confirms before the program
 * runs (the first two are checked already), else the program's first required leaf does.
 */
export function filingOf(groups: readonly (readonly Anchor[])[], { exact, requiredSlot }: FilingFacts, slotOf: (anchor: Anchor) => number): Filing {
  const ids = (group: readonly Anchor[] = []) => [...new Set(group.map(slotOf))];
  const third = groups[2];
  const confirm = exact ? EXACT : third?.length === 1 ? slotOf(third[0]!) : requiredSlot >= 0 ? requiredSlot : PROGRAM;
  return { posted: ids(groups[0]), second: ids(groups[1]), confirm };
}

/** Posting [1] and [2] for a second group (see POSTING). */
export function secondInPosting(second: readonly number[]): [number, number] {
  if (second.length === 0) return [NO_SECOND, -1];
  return second.length <= 2 ? [second[0]!, second[1] ?? -1] : [LONG_SECOND, -1];
}

/** The same filing: re-anchoring leaves such a topic where it is. Groups are sets of a few ids. */
export function sameFiling(a: Filing, b: Filing): boolean {
  return a.confirm === b.confirm && sameIds(a.posted, b.posted) && sameIds(a.second, b.second);
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.every((id) => b.includes(id)) && b.every((id) => a.includes(id));
}
