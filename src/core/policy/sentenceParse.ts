import nlp from 'compromise';

/**
 * One sentence as compromise parses it: words with their lemma, part-of-speech tags and the
 * punctuation around them. Contractions come back expanded ("hasn't" → has + not), so
 * negation and modality are words the claim rules can see.
 */
export interface Token {
  readonly index: number;
  readonly text: string;
  /** Lower-case word, contractions expanded ("won't" → "will", then "not"). */
  readonly word: string;
  /** compromise's lemma when it knows one ("lifted" → "lift"), else the word. */
  readonly root: string;
  readonly tags: ReadonlySet<string>;
  /** Punctuation after the word (", " "; " " — "). */
  readonly post: string;
}

export interface Clause {
  readonly tokens: readonly Token[];
  /** The clause opens with a subordinator ("although", "after", "since"…) or is an aside: background, not news. */
  readonly subordinate: boolean;
  /** "Will Biden let…?", "Has the US lifted the ban?": nothing in it is asserted. */
  readonly question: boolean;
}

interface TermJson {
  text: string;
  normal?: string;
  implicit?: string;
  root?: string;
  tags?: string[];
  post?: string;
}

const strip = (word: string): string => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/[’']s$/, '');

export function parseTokens(sentence: string): Token[] {
  const doc = nlp(sentence);
  doc.compute('root');
  // `root` is missing from compromise's option types, though json() honours it once computed.
  const options = { terms: { normal: true, root: true, tags: true } } as Parameters<typeof doc.json>[0];
  const terms = (doc.json(options) as { terms: TermJson[] }[]).flatMap((s) => s.terms);
  return terms.map((term, index) => {
    const word = strip(term.implicit ?? term.normal ?? term.text);
    return {
      index,
      text: term.text,
      word,
      root: term.root ? strip(term.root) : word,
      tags: new Set(term.tags ?? []),
      post: term.post ?? '',
    };
  });
}

const SUBORDINATORS = new Set(['although', 'though', 'after', 'since', 'because', 'when', 'while', 'whereas', 'if', 'unless', 'as', 'before']);
const COORDINATORS = new Set(['but', 'though', 'although', 'while', 'whereas']);
/** A sentence opening with an auxiliary is a question in news copy ("Did Biden allow…", "Will the UK let…"). */
const INVERTED = new Set(['will', 'would', 'did', 'do', 'does', 'has', 'have', 'is', 'are', 'can', 'could', 'should', 'shall']);
// Words that open a comma aside: "has not, despite months of pressure, authorized…".
const ASIDE_OPENERS = new Set(['despite', 'amid', 'after', 'following', 'under', 'according', 'in', 'for', 'even', 'as']);
const MAX_ASIDE = 16;
const DASH = /[—–]/;

/**
 * Splits a sentence where a new claim can start: before "but", "though", "although"…, at
 * ";", a dash or a question mark, and at the comma that closes an opening subordinate clause
 * ("Although the US has shifted its policy…, the administration has yet to allow…" is two clauses).
 * An aside between paired dashes or commas is a clause of its own and the words around it stay
 * one clause, so "has not — despite months of pressure — allowed" keeps its "not".
 */
export function splitClauses(tokens: readonly Token[]): Clause[] {
  const clauses: Clause[] = [];
  let current: Token[] = [];
  const close = () => {
    if (current.length > 0) {
      const last = current.at(-1)!;
      clauses.push({ tokens: current, subordinate: SUBORDINATORS.has(current[0]!.word), question: last.post.includes('?') || INVERTED.has(current[0]!.word) });
    }
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (current.length > 0 && COORDINATORS.has(token.word)) close();
    current.push(token);
    const asideEnd = current.length > 1 ? asideAfter(tokens, i) : -1;
    if (asideEnd > i) {
      clauses.push({ tokens: tokens.slice(i + 1, asideEnd + 1), subordinate: true, question: false });
      i = asideEnd;
      continue;
    }
    const opensSubordinate = SUBORDINATORS.has(current[0]!.word) && current.length > 2;
    if (/[;—–?]/.test(token.post) || (opensSubordinate && token.post.includes(','))) close();
  }
  close();
  return clauses;
}

/**
 * Where an aside that opens after tokens[at] ends: the next dash for a dash, the next comma
 * for a comma before an ASIDE_OPENER; -1 when none closes within MAX_ASIDE words (a single
 * dash is a clause break: "Ukraine can now strike — the White House has lifted…").
 */
function asideAfter(tokens: readonly Token[], at: number): number {
  const post = tokens[at]!.post;
  const dash = DASH.test(post);
  if (!dash && !(post.includes(',') && ASIDE_OPENERS.has(tokens[at + 1]?.word ?? ''))) return -1;
  for (let j = at + 1; j < Math.min(tokens.length - 1, at + MAX_ASIDE); j++) {
    const end = tokens[j]!.post;
    if (/[;.?!]/.test(end)) return -1;
    if (dash ? DASH.test(end) : end.includes(',') || DASH.test(end)) return dash || !DASH.test(end) ? j : -1;
  }
  return -1;
}
