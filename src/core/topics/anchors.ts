import { COMMON_STEMS } from './commonWords.ts';
import type { QueryNode } from './queryAst.ts';

/**
 * The words (or prefixes) under which a topic is filed in the index: every item the topic
 * matches contains at least one of them, so an item whose words select none of them cannot
 * match and is never evaluated. This is the "presearcher" of Lucene Monitor / percolators.
 *
 *   term x          → {x}
 *   "a b c" phrase  → {the rarest-looking of a, b, c}
 *   prefix*         → {prefix*}
 *   A AND B AND …   → the anchors of the most selective child (one is enough: all must match)
 *   A OR B OR …     → the union of every child's anchors (any may be the one that matches)
 *   NOT A           → none (an item can match without containing anything)
 *
 * `null` means the query can match an item that contains none of its words (`-Russia`,
 * `a OR -b`): such a query cannot be indexed, and it would match nearly every item anyway,
 * so it is refused with a reason.
 */
export interface Anchor {
  readonly kind: 'stem' | 'prefix';
  readonly value: string;
}

interface Weighted {
  readonly anchors: readonly Anchor[];
  /** How selective the set is: the weight of its weakest member (higher = fewer items). */
  readonly weight: number;
}

/** Longer words are rarer; the most common news words are nearly useless as a filter. */
/** How selective an anchor is: higher means fewer items contain it. */
export type AnchorWeight = (anchor: Anchor) => number;

/**
 * Before any item has been seen: longer words are rarer, and the most common news words are
 * nearly useless as a filter. The index replaces this with measured frequencies (topicIndex.ts).
 */
export const guessedWeight: AnchorWeight = (anchor) =>
  anchor.kind === 'prefix' ? anchor.value.length - 1 : COMMON_STEMS.has(anchor.value) ? 0.5 : Math.min(anchor.value.length, 12);

function analyse(node: QueryNode, weigh: AnchorWeight): Weighted | null {
  switch (node.kind) {
    case 'term':
    case 'prefix': {
      const anchor: Anchor = node.kind === 'term' ? { kind: 'stem', value: node.stem } : { kind: 'prefix', value: node.prefix };
      return { anchors: [anchor], weight: weigh(anchor) };
    }
    case 'phrase': {
      const words = node.stems.map((value) => ({ anchor: { kind: 'stem', value } as Anchor, weight: weigh({ kind: 'stem', value }) }));
      const best = words.sort((a, b) => b.weight - a.weight)[0]!;
      // A phrase is rarer than its rarest word alone; the bonus prefers phrases in an AND.
      return { anchors: [best.anchor], weight: best.weight + 2 };
    }
    case 'not':
      return null;
    case 'and':
      return bestOf(node.children.map((child) => analyse(child, weigh)));
    case 'or':
      return unionOf(node.children.map((child) => analyse(child, weigh)));
  }
}

function bestOf(options: (Weighted | null)[]): Weighted | null {
  let best: Weighted | null = null;
  for (const option of options) {
    if (!option) continue;
    const better = !best || option.weight > best.weight || (option.weight === best.weight && option.anchors.length < best.anchors.length);
    if (better) best = option;
  }
  return best;
}

function unionOf(options: (Weighted | null)[]): Weighted | null {
  if (options.some((option) => option === null)) return null;
  const present = options as Weighted[];
  const seen = new Map<string, Anchor>();
  for (const option of present) for (const anchor of option.anchors) seen.set(`${anchor.kind}:${anchor.value}`, anchor);
  return { anchors: [...seen.values()], weight: Math.min(...present.map((option) => option.weight)) };
}

/**
 * Groups of anchors an item must hold one of each of to match: a term or an OR gives one
 * group, a phrase one per word (every word of it must occur), an AND those of its children,
 * an exclusion none.
 */
function requiredGroups(node: QueryNode, weigh: AnchorWeight): Weighted[] {
  switch (node.kind) {
    case 'phrase':
      return [...new Set(node.stems)].map((value) => ({ anchors: [{ kind: 'stem', value }], weight: weigh({ kind: 'stem', value }) }));
    case 'and':
      return node.children.flatMap((child) => requiredGroups(child, weigh));
    default: {
      const option = analyse(node, weigh);
      return option ? [option] : [];
    }
  }
}

/**
 * Up to three anchor groups, most selective first: an item can match only when it holds an
 * anchor of every group. A term or an OR gives one; a top-level AND the required groups of
 * its children (requiredGroups), a phrase those of its words, which halves and halves again
 * the topics to verify. The index files a topic under the first, checks the second on each
 * candidate, and the third when it is one word. A phrase's words serve apart: a topic
 * `"joint venture"` filed under venture is verified only for items that also hold joint.
 */
export function anchorGroupsOf(node: QueryNode, weigh: AnchorWeight = guessedWeight): (readonly Anchor[])[] | null {
  if (node.kind !== 'and' && node.kind !== 'phrase') {
    const anchors = analyse(node, weigh)?.anchors;
    return anchors ? [anchors] : null;
  }
  const ranked = requiredGroups(node, weigh).sort((a, b) => b.weight - a.weight || a.anchors.length - b.anchors.length);
  return ranked.length === 0 ? null : ranked.slice(0, 3).map((option) => option.anchors);
}

/**
 * True when holding a word of each anchor group already means a match, so the index skips
 * verification: a word, an OR of words, or an AND of two of those (`atacms`,
 * `(nato OR pentagon) missile`). Phrases and exclusions always need a check.
 */
export function matchedByAnchors(node: QueryNode): boolean {
  const plain = (n: QueryNode): boolean =>
    n.kind === 'term' || n.kind === 'prefix' || (n.kind === 'or' && n.children.every((c) => c.kind === 'term' || c.kind === 'prefix'));
  if (node.kind === 'and') return node.children.length <= 2 && node.children.every(plain);
  return plain(node);
}

/** How selective a query is (higher = fewer items), or null when it has no anchors. */
export function selectivity(node: QueryNode): number | null {
  return analyse(node, guessedWeight)?.weight ?? null;
}

/** The anchors of a query, or null when it can match without containing any of its words. */
export function anchorsOf(node: QueryNode): readonly Anchor[] | null {
  return analyse(node, guessedWeight)?.anchors ?? null;
}
