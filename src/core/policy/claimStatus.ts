import { PERMIT_WITH_OBJECT, predicateKindOf, wordsOfKinds, type PredicateKind } from './predicateLexicon.ts';
import type { Clause, Token } from './sentenceParse.ts';
import { escapeRegExp } from '../text/escapeRegExp.ts';

export type ClaimStatus = 'enacted' | 'announced' | 'considering' | 'urged' | 'denied';
export type Direction = 'loosen' | 'tighten';

/** What one clause says about a policy, before we know which policy. */
export interface ClauseVerdict {
  readonly status: ClaimStatus;
  readonly direction?: Direction;
  /** "after Biden allowed…", "which the US has allowed…", "In May, …": a recap, not news. */
  readonly background: boolean;
}

interface Predicate {
  readonly kind: PredicateKind;
  readonly at: number;
}

const NEGATORS = new Set(['not', 'never', 'no', 'without', 'neither', 'nor']);
const DEONTIC = new Set(['must', 'should', 'ought', 'need', 'needs', 'essential', 'imperative', 'necessary']);
const FUTURE = new Set(['will', 'shall', 'going', 'set']);
const HEDGES = new Set(['could', 'may', 'might', 'can', 'expected', 'likely', 'possibly', 'perhaps', 'potential', 'poised']);
// compromise tags some of these otherwise ("now" as a conjunction).
const ADVERBS = new Set(['now', 'also', 'already', 'quietly', 'still', 'reportedly', 'just', 'finally', 'officially', 'effectively']);
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had']);
const CONTINUITY = new Set(['still', 'far', 'continue', 'continues', 'continued', 'remain', 'remains', 'yet', 'keep', 'keeps', 'keeping', 'long-standing']);
const PAST_MARKERS = new Set(['already', 'previously', 'earlier', 'after', 'which', 'who', 'months', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'spring', 'summer']);
const UKRAINE_OBJECTS = /^(ukraine|kyiv|kiev|ukrainians?|them|it|zelensky|zelenskyy)$/;

// "may" is a hedge as a modal and a recap as a month ("In May, the administration decided…").
const isHedge = (t: Token): boolean => HEDGES.has(t.word) && (t.word !== 'may' || t.tags.has('Modal'));
const isPastMarker = (t: Token): boolean => PAST_MARKERS.has(t.word) && (t.word !== 'may' || !t.tags.has('Modal'));

const words = (tokens: readonly Token[], from: number, to: number): string[] =>
  tokens.slice(Math.max(0, from), Math.max(0, to)).map((t) => t.word);

const PERMIT_TARGETS = /^(ukraine|kyiv|kiev|ukrainians?|ukrainian|them|strikes?|use|attacks?|targets?|zelensky|zelenskyy|deep|deeper|long-range)$/;
const ACTION_VERBS = /^(strike|hit|target|use|fire|attack|launch)$/;

/** "allow Ukraine…", "allow strikes…", "were permitted to target…" — not "allow Russia's military to…". */
function permitsUkraine(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]!.word;
  const next = tokens.slice(i + 1, i + 5);
  if (word === 'let' || word === 'lets' || word === 'letting') return UKRAINE_OBJECTS.test(next[0]?.word ?? '');
  return next.some((t, k) => PERMIT_TARGETS.test(t.word) || (t.word === 'to' && ACTION_VERBS.test(next[k + 1]?.root ?? '')));
}

/** Does a word followed by these few words form the predicate ("call on", "rule out", "stand firm")? */
function confirm(kind: PredicateKind, tokens: readonly Token[], i: number): PredicateKind | undefined {
  const word = tokens[i]!.word;
  const next = words(tokens, i + 1, i + 5);
  const before = words(tokens, i - 4, i);
  const negated = before.some((w) => NEGATORS.has(w));
  switch (kind) {
    case 'urge':
      if (/^call/.test(word) || /^push/.test(word)) return next.some((w) => w === 'on' || w === 'for' || w === 'to') ? kind : undefined;
      if (/^ask/.test(word)) return next.some((w) => w === 'whether' || w === 'if' || w === 'about' || w === 'by') ? 'question' : kind;
      if (/^back/.test(word)) return /ing$/.test(next[0] ?? '') ? kind : undefined;
      if (/^press/.test(word) && word !== 'pressure') return tokens[i]!.tags.has('Verb') ? kind : undefined;
      return kind;
    case 'consider':
      if (/^work/.test(word)) return next.slice(0, 3).includes('out') ? kind : undefined;
      return kind;
    case 'deny':
      if (/^rule/.test(word)) return next[0] === 'out' ? kind : undefined;
      if (/^stand/.test(word)) return next[0] === 'firm' ? kind : undefined;
      if (/^(anticipat|expect|foresee|look)/.test(word)) return negated ? kind : undefined;
      // "its policy … had not changed"
      if (/^chang/.test(word)) return negated && words(tokens, 0, i).some((w) => /^(policy|position|stance|restrictions)$/.test(w)) ? kind : undefined;
      return kind;
    case 'restrictState': {
      const clauseBefore = words(tokens, 0, i);
      if (clauseBefore.includes('had') || clauseBefore.includes('until')) return undefined;
      return [...clauseBefore, ...next].some((w) => CONTINUITY.has(w)) ? kind : undefined;
    }
    case 'permit':
      if (/^sign/.test(word)) return next[0] === 'off' && permitsUkraine(tokens, i + 1) ? kind : undefined;
      return permitsUkraine(tokens, i) ? kind : undefined;
    case 'tighten':
      // "reverses a Pentagon decision" on deliveries is no reversal of this permission.
      return next.some((w) => /^(ban|restrictions?|limits?|permission|authorization|approval)$/.test(w)) ? kind : undefined;
    default:
      return kind;
  }
}

export function findPredicates(tokens: readonly Token[]): Predicate[] {
  const found: Predicate[] = [];
  tokens.forEach((token, i) => {
    if (token.word === 'whether' || token.word === 'if' || token.word === 'unless') return found.push({ kind: 'question', at: i });
    const object = PERMIT_WITH_OBJECT.get(token.word) ?? PERMIT_WITH_OBJECT.get(token.root);
    if (object && words(tokens, i + 1, i + 7).some((w) => object.test(w))) return found.push({ kind: 'permit', at: i });
    const kind = predicateKindOf(token.word, token.root);
    const confirmed = kind && confirm(kind, tokens, i);
    if (confirmed) found.push({ kind: confirmed, at: i });
    return undefined;
  });
  return found;
}

/** The status of a permit/tighten verb from the words before it: negation, modals, hedges, tense. */
function decisionStatus(tokens: readonly Token[], predicates: readonly Predicate[], at: number, reported: boolean): ClaimStatus | undefined {
  const window = words(tokens, at - 5, at);
  const token = tokens[at]!;
  const negated = window.some((w) => NEGATORS.has(w)) || window.join(' ').includes('yet to');
  if (window.some((w) => DEONTIC.has(w))) return negated ? 'denied' : 'urged';
  if (negated || window.includes('unlikely')) return 'denied'; // "is unlikely to allow": no change expected
  // "could announce as soon as this week that it will allow": the hedge on the saying covers the decision.
  const saying = predicates.filter((p) => p.kind === 'report' && p.at < at).at(-1);
  if (saying && tokens.slice(Math.max(0, saying.at - 3), saying.at).some(isHedge)) return 'considering';
  if (window.some((w) => FUTURE.has(w))) return 'announced';
  // "said it would allow" is reported future; a bare "would allow" is a hypothesis.
  if (window.includes('would')) return reported ? 'announced' : 'considering';
  if (tokens.slice(Math.max(0, at - 5), at).some(isHedge)) return 'considering';
  const previous = tokens[at - 1]?.word;
  // The auxiliary before a participle, past adverbs: "is now allowing", "has quietly lifted".
  const auxiliary = tokens.slice(Math.max(0, at - 3), at).reverse().find((t) => !t.tags.has('Adverb') && !ADVERBS.has(t.word))?.word;
  if (at === 0 && !token.tags.has('PastTense')) return 'urged'; // imperative: "Let Ukraine strike…"
  if (previous === 'to') {
    // "decided to let", "has shifted its policy to allow": the head verb is the decision.
    const head = predicates.filter((p) => p.kind === 'decide' && p.at < at && p.at >= at - 6).at(-1);
    return head ? decisionStatus(tokens, predicates, head.at, reported) : undefined;
  }
  if (/ing$/.test(token.word) && !AUXILIARIES.has(auxiliary ?? '')) return undefined; // "Allowing strikes could…": a topic, not a decision
  return 'enacted';
}

/** The kinds classifyClause turns into a claim; report, decide and question only qualify one. */
const CLAIM_KINDS: ReadonlySet<PredicateKind> = new Set(['permit', 'tighten', 'urge', 'consider', 'deny', 'restrictState']);
const CLAIM_WORD = new RegExp(
  `\\b(?:${wordsOfKinds(CLAIM_KINDS)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})\\b`,
  'i',
);

/**
 * Whether a sentence has a word that could be a claim-bearing predicate, in any form
 * compromise lemmatizes to one. Parsing a sentence with compromise costs 1-4 ms; one in three
 * of those that reach it on news of the story has no such word and so no claim, and this one
 * regex test spares them the parse.
 */
export const mayCarryClaim = (sentence: string): boolean => CLAIM_WORD.test(sentence);

/** The first claim-bearing predicate in the clause decides its status ("called on Biden to allow" is urged). */
export function classifyClause(clause: Clause, reported: boolean): ClauseVerdict | undefined {
  const tokens = clause.tokens;
  const predicates = findPredicates(tokens);
  let questioned = false;
  for (const predicate of predicates) {
    const before = words(tokens, predicate.at - 4, predicate.at);
    switch (predicate.kind) {
      case 'question':
        questioned = true;
        continue;
      case 'report':
      case 'decide':
        continue;
      case 'permit':
      case 'tighten': {
        if (questioned) continue; // "asked if the US will lift…", "if Kyiv is permitted…": nothing asserted
        const status = decisionStatus(tokens, predicates, predicate.at, reported);
        if (!status) continue;
        const background = clause.subordinate || tokens.slice(0, predicate.at).some(isPastMarker);
        return { status, direction: predicate.kind === 'permit' ? 'loosen' : 'tighten', background };
      }
      case 'urge':
        return before.some((w) => NEGATORS.has(w)) ? undefined : { status: 'urged', background: false };
      case 'consider':
        return { status: before.some((w) => NEGATORS.has(w)) ? 'denied' : 'considering', background: false };
      case 'deny':
      case 'restrictState':
        return { status: 'denied', background: false };
    }
  }
  return undefined;
}

export const isReported = (tokens: readonly Token[]): boolean =>
  tokens.some((t) => predicateKindOf(t.word, t.root) === 'report');
