import { sharedLexicon, type Lexicon } from './lexicon.ts';
import type { QueryNode } from './queryAst.ts';
import { FIELD_BREAK, type Tokens } from './tokenize.ts';

/**
 * The meaning of a topic query, written as plainly as possible: one query, one item, no
 * index. It is the reference the index must agree with (property test) and the naive
 * baseline of the match benchmark. Works on strings, independent of the index's word ids.
 */
export interface PlainDoc {
  /** The stem at each position ('' between fields, so phrases do not cross them). */
  readonly stems: readonly string[];
  readonly stemSet: ReadonlySet<string>;
  /** Each distinct word once, as written (normalised), for prefix*. */
  readonly words: readonly string[];
}

export function plainDoc(tokens: Tokens, lexicon: Lexicon = sharedLexicon): PlainDoc {
  const stems = tokens.words.map((id) => (id === FIELD_BREAK ? '' : lexicon.word(lexicon.stemOf(id))));
  const words = new Set<string>();
  for (const id of tokens.words) if (id !== FIELD_BREAK) words.add(lexicon.word(id));
  return { stems, stemSet: new Set(stems), words: [...words] };
}

export function evaluate(node: QueryNode, doc: PlainDoc): boolean {
  switch (node.kind) {
    case 'term':
      return doc.stemSet.has(node.stem);
    case 'phrase':
      return containsRun(doc.stems, node.stems);
    case 'prefix':
      return doc.words.some((word) => word.startsWith(node.prefix));
    case 'not':
      return !evaluate(node.child, doc);
    case 'and':
      return node.children.every((child) => evaluate(child, doc));
    case 'or':
      return node.children.some((child) => evaluate(child, doc));
  }
}

/** True when `run` occurs as consecutive entries of `sequence`. */
function containsRun(sequence: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= sequence.length; i++) {
    for (let j = 0; j < run.length; j++) if (sequence[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}
