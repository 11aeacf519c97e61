import { err, ok, type Result } from '../result.ts';
import { sharedLexicon, type Lexicon } from './lexicon.ts';
import type { QueryNode } from './queryAst.ts';
import { checkQuery } from './queryChecks.ts';
import { queryError, type TopicQueryError } from './queryError.ts';
import { describeToken, lexQuery, type QueryToken } from './queryLexer.ts';
import { tokenize } from './tokenize.ts';

/** Longer queries are almost certainly pasted by mistake; the limits keep parsing bounded. */
export const MAX_QUERY_LENGTH = 2000;
const MAX_DEPTH = 24;
export const MIN_PREFIX_LENGTH = 3;
const EXPECTED_OPERAND = 'a word, a "phrase", ( or -';

/** Thrown inside the parser only, to unwind to `parseQuery`, which returns it as a value. */
class ParseFailure {
  constructor(readonly error: TopicQueryError) {}
}

/**
 * Parses the topic language:
 *
 *   query := or;  or := and (OR and)*;  and := unary ([AND] unary)*;  unary := (NOT | -) unary | primary
 *   primary := ( or ) | "phrase" | word | prefix*
 *
 * AND binds tighter than OR, as in Lucene and SQL: `a b OR c` is `(a AND b) OR c`; use
 * parentheses for `a AND (b OR c)`. Operators are case-insensitive. Never throws.
 */
export function parseQuery(query: string, lexicon: Lexicon = sharedLexicon): Result<QueryNode, TopicQueryError> {
  if (query.length > MAX_QUERY_LENGTH) {
    return err(queryError('too-long', MAX_QUERY_LENGTH + 1, `the query is longer than ${MAX_QUERY_LENGTH} characters`));
  }
  const lexed = lexQuery(query);
  if (!lexed.ok) return lexed;
  if (lexed.value.length === 1) return err(queryError('empty-query', 1, 'the query is empty', 'at least one word or "phrase"'));
  try {
    const node = new Parser(lexed.value, lexicon).parse();
    const checked = checkQuery(node);
    return checked.ok ? ok(node) : checked;
  } catch (failure) {
    if (failure instanceof ParseFailure) return err(failure.error);
    throw failure;
  }
}

class Parser {
  private position = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly QueryToken[],
    private readonly lexicon: Lexicon,
  ) {}

  parse(): QueryNode {
    const node = this.parseOr();
    const next = this.peek();
    if (next.type === ')') this.fail('unmatched-paren', next.column, 'a ")" with no "(" to close', 'an operator or the end of the query');
    if (next.type !== 'end') this.fail('unexpected', next.column, `unexpected ${describeToken(next)}`, 'the end of the query');
    return node;
  }

  private peek(): QueryToken {
    return this.tokens[this.position]!;
  }

  private next(): QueryToken {
    return this.tokens[this.position++]!;
  }

  private fail(code: string, column: number, problem: string, expected?: string): never {
    throw new ParseFailure(queryError(code, column, problem, expected));
  }

  private parseOr(): QueryNode {
    const column = this.peek().column;
    const children = [this.parseAnd()];
    while (this.peek().type === 'OR') {
      this.next();
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0]! : { kind: 'or', children: flatten('or', children), column };
  }

  private parseAnd(): QueryNode {
    const column = this.peek().column;
    const children = [this.parseUnary()];
    for (;;) {
      const next = this.peek();
      if (next.type === 'AND') {
        this.next();
      } else if (!startsOperand(next)) {
        break;
      }
      children.push(this.parseUnary());
    }
    return children.length === 1 ? children[0]! : { kind: 'and', children: flatten('and', children), column };
  }

  private parseUnary(): QueryNode {
    const token = this.peek();
    if (token.type !== 'NOT' && token.type !== '-') return this.parsePrimary();
    this.next();
    return { kind: 'not', child: this.nested(token, () => this.parseUnary()), column: token.column };
  }

  private parsePrimary(): QueryNode {
    const token = this.next();
    switch (token.type) {
      case '(': {
        const inner = this.nested(token, () => this.parseOr());
        const close = this.next();
        if (close.type !== ')') {
          this.fail('unclosed-paren', token.column, 'unclosed "("', `")" before ${describeToken(close)} at column ${close.column}`);
        }
        return inner;
      }
      case 'phrase': {
        // "storm sha*" would look for the words storm, sha: say so rather than never match.
        const star = token.text.indexOf('*');
        if (star >= 0) this.fail('bad-wildcard', token.column + 1 + star, 'a "*" inside a "phrase"', 'a whole-word "phrase", or words with a prefix outside quotes, as in storm shad*');
        return this.words(token.text, token.column + 1, token.column, 'phrase');
      }
      case 'word':
        return this.word(token.text, token.column);
      default:
        return this.fail(token.type === ')' ? 'unexpected-paren' : 'unexpected', token.column, `unexpected ${describeToken(token)}`, EXPECTED_OPERAND);
    }
  }

  private nested<T>(token: QueryToken, parse: () => T): T {
    if (++this.depth > MAX_DEPTH) this.fail('too-deep', token.column, `more than ${MAX_DEPTH} levels of nesting`);
    const result = parse();
    this.depth--;
    return result;
  }

  /** A bare word: a term, a prefix*, or several words joined by hyphens or dots (a phrase). */
  private word(text: string, column: number): QueryNode {
    const star = text.indexOf('*');
    if (star < 0) return this.words(text, column, column, 'word');
    if (star !== text.length - 1) this.fail('bad-wildcard', column + star, 'a "*" inside a word', 'a "*" only at the end of a word, as in missil*');
    const words = this.normalised(text.slice(0, -1));
    if (words.length !== 1) this.fail('bad-wildcard', column, `"${text.slice(0, 40)}" is not a single word before the "*"`, 'one word, as in missil*');
    const prefix = words[0]!;
    if (prefix.length < MIN_PREFIX_LENGTH) {
      this.fail('short-prefix', column, `the prefix "${prefix}*" is shorter than ${MIN_PREFIX_LENGTH} letters and would match too many words`);
    }
    return { kind: 'prefix', prefix, column };
  }

  private words(text: string, textColumn: number, column: number, what: 'word' | 'phrase'): QueryNode {
    const words = this.normalised(text);
    if (words.length === 0) {
      this.fail('empty-term', textColumn, what === 'phrase' ? 'an empty phrase' : `"${text.slice(0, 40)}" has no letters or digits`, what === 'phrase' ? 'words inside the quotes' : EXPECTED_OPERAND);
    }
    const stems = words.map((word) => this.lexicon.word(this.lexicon.stemOf(this.lexicon.intern(word))));
    if (words.length === 1) return { kind: 'term', word: words[0]!, stem: stems[0]!, column };
    return { kind: 'phrase', words, stems, column };
  }

  private normalised(text: string): string[] {
    return tokenize(text, this.lexicon).words.map((id) => this.lexicon.word(id));
  }
}

const startsOperand = (token: QueryToken): boolean =>
  token.type === 'word' || token.type === 'phrase' || token.type === '(' || token.type === '-' || token.type === 'NOT';

/** `(a AND b) AND c` is `a AND b AND c`: fewer levels to evaluate and to index. */
function flatten(kind: 'and' | 'or', children: QueryNode[]): QueryNode[] {
  return children.flatMap((child) => (child.kind === kind ? child.children : [child]));
}
