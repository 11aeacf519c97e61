/**
 * A parsed topic query. Words are normalised (lower case, no accents) and carry their Porter
 * stem, which is what matching compares: `missile` and `missiles` share the stem "missil".
 * Columns are 1-based positions in the query as typed, for messages.
 */
export type QueryNode =
  | { readonly kind: 'term'; readonly word: string; readonly stem: string; readonly column: number }
  /** Two or more words in a row: a "quoted phrase", or a hyphenated term like long-range. */
  | { readonly kind: 'phrase'; readonly words: readonly string[]; readonly stems: readonly string[]; readonly column: number }
  /** `missil*`: any word that starts with the prefix (as written, not stemmed). */
  | { readonly kind: 'prefix'; readonly prefix: string; readonly column: number }
  | { readonly kind: 'not'; readonly child: QueryNode; readonly column: number }
  | { readonly kind: 'and'; readonly children: readonly QueryNode[]; readonly column: number }
  | { readonly kind: 'or'; readonly children: readonly QueryNode[]; readonly column: number };

/** The query written back in the topic language, fully parenthesised (tests, messages). */
export function queryToText(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return node.word;
    case 'phrase':
      return `"${node.words.join(' ')}"`;
    case 'prefix':
      return `${node.prefix}*`;
    case 'not':
      return `-${queryToText(node.child)}`;
    case 'and':
      return `(${node.children.map(queryToText).join(' AND ')})`;
    case 'or':
      return `(${node.children.map(queryToText).join(' OR ')})`;
  }
}
