import { err, ok, type Result } from '../result.ts';
import { anchorsOf } from './anchors.ts';
import { queryToText, type QueryNode } from './queryAst.ts';
import { queryError, type TopicQueryError } from './queryError.ts';

/**
 * Refuses queries that would match (nearly) everything or nothing, with the reason:
 * `-Russia` alone or `Russia OR -Kyiv` match every item that lacks a word, and cannot be
 * indexed (see anchors.ts); `Russia -Russia` can never match.
 */
export function checkQuery(node: QueryNode): Result<QueryNode, TopicQueryError> {
  if (anchorsOf(node) === null) {
    return err(
      queryError(
        'matches-everything',
        node.column,
        'an exclusion with nothing required beside it would match almost every item',
        'a word or "phrase" the items must contain, as in: Russia -Crimea',
      ),
    );
  }
  const contradiction = findContradiction(node);
  if (contradiction) {
    return err(queryError('matches-nothing', contradiction.column, `this query can never match: ${queryToText(contradiction)} is both required and excluded`));
  }
  return ok(node);
}

/** A child of an AND that is also excluded by a sibling `-child` (`a -a`, `"x y" AND NOT "x y"`). */
function findContradiction(node: QueryNode): QueryNode | null {
  if (node.kind === 'not') return findContradiction(node.child);
  if (node.kind !== 'and' && node.kind !== 'or') return null;
  for (const child of node.children) {
    const inner = findContradiction(child);
    if (inner) return inner;
  }
  if (node.kind === 'or') return null;
  const required = new Map(node.children.filter((c) => c.kind !== 'not').map((c) => [key(c), c]));
  for (const child of node.children) {
    if (child.kind === 'not' && required.has(key(child.child))) return required.get(key(child.child))!;
  }
  return null;
}

/** Compares leaves by what they match (stems), so `missile -missiles` is caught too. */
function key(node: QueryNode): string {
  if (node.kind === 'term') return `t:${node.stem}`;
  if (node.kind === 'phrase') return `p:${node.stems.join(' ')}`;
  return queryToText(node);
}
