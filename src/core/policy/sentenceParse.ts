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
  /** The clause opens with a subordinator ("although", "after", "since"…): background, not news. */
  readonly subordinate: boolean;
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

const SUBORDINATORS = new Set(['although', 'though', 'after', 'since', 'because', 'when', 'while', 'whereas', 'if', 'unless', 'as']);
const COORDINATORS = new Set(['but', 'though', 'although', 'while', 'whereas']);

/**
 * Splits a sentence where a new claim can start: before "but", "though", "although"…, at
 * ";" or a dash, and at the comma that closes an opening subordinate clause ("Although the
 * US has shifted its policy…, the administration has yet to allow…" is two clauses).
 */
export function splitClauses(tokens: readonly Token[]): Clause[] {
  const clauses: Clause[] = [];
  let current: Token[] = [];
  const close = () => {
    if (current.length > 0) clauses.push({ tokens: current, subordinate: SUBORDINATORS.has(current[0]!.word) });
    current = [];
  };
  for (const token of tokens) {
    if (current.length > 0 && COORDINATORS.has(token.word)) close();
    current.push(token);
    const opensSubordinate = SUBORDINATORS.has(current[0]!.word) && current.length > 2;
    if (/[;—–]/.test(token.post) || (opensSubordinate && token.post.includes(','))) close();
  }
  close();
  return clauses;
}
