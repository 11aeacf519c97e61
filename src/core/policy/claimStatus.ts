import { PERMIT_WITH_OBJECT, predicateKindOf, wordsOfKinds, type PredicateKind } from './predicateLexicon.ts';
import type { Clause, Token } from './sentenceParse.ts';
import { escapeRegExp } from '../text/escapeRegExp.ts';
import { MONTH_NAMES } from '../text/monthNames.ts';

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
const PAST_MARKERS = new Set(['already', 'previously', 'earlier', 'after', 'before', 'which', 'who', 'months', 'ago', 'always', ...MONTH_NAMES, 'spring', 'summer']);
const YEAR = /^(19|20)\d\d$/;
// "last year", "last spring": a recap; "last week" may still be this story's news.
const LAST_PERIOD = /^(year|month|spring|summer|autumn|fall|winter|decade)$/;
const MONTH = new Set(MONTH_NAMES);
const UKRAINE_OBJECTS = /^(ukraine|kyiv|kiev|ukrainians?|them|it|zelensky|zelenskyy)$/;

// "may" is a hedge as a modal and a recap as a month ("In May, the administration decided…").
const isHedge = (t: Token): boolean => HEDGES.has(t.word) && (t.word !== 'may' || t.tags.has('Modal'));
const isPastMarker = (t: Token, next?: Token): boolean =>
  (PAST_MARKERS.has(t.word) && (t.word !== 'may' || !t.tags.has('Modal'))) || YEAR.test(t.word) || (t.word === 'last' && LAST_PERIOD.test(next?.word ?? ''));

const words = (tokens: readonly Token[], from: number, to: number): string[] =>
  tokens.slice(Math.max(0, from), Math.max(0, to)).map((t) => t.word);

const PERMIT_TARGETS = /^(ukraine|kyiv|kiev|ukrainians?|ukrainian|them|strikes?|use|attacks?|targets?|zelensky|zelenskyy|deep|deeper|long-range)$/;
const ACTION_VERBS = /^(strike|hit|target|use|fire|attack|launch)$/;

/** "allowed Israel to use…", "allowed Russia's forces to strike…": another country is the one permitted. */
function permitsOtherCountry(tokens: readonly Token[], i: number): boolean {
  const object = tokens[i + 1];
  if (!object || UKRAINE_OBJECTS.test(object.word) || PERMIT_TARGETS.test(object.word) || !object.tags.has('Country')) return false;
  return object.tags.has('Possessive') || tokens[i + 2]?.word === 'to';
}

/** "allow Ukraine…", "allow strikes…", "were permitted to target…" — not "allow Russia's military to…". */
function permitsUkraine(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]!.word;
  // A passive's agent sits between the verb and what it permits: "allowed by the Biden administration to strike…".
  const next = tokens.slice(i + 1, i + (tokens[i + 1]?.word === 'by' ? 9 : 5));
  if (permitsOtherCountry(tokens, i)) return false;
  if (word === 'let' || word === 'lets' || word === 'letting') return UKRAINE_OBJECTS.test(next[0]?.word ?? '');
  return next.some((t, k) => PERMIT_TARGETS.test(t.word) || (t.word === 'to' && ACTION_VERBS.test(next[k + 1]?.root ?? '')));
}

const PERMISSION = /^(permission|permissions|authori[sz]ation|approval|go-ahead|greenlight)$/;
const REVERSED = /^(ban|restrictions?|limits?|permission|authori[sz]ation|approval)$/;
/**
 * What each pausing or narrowing verb must act on to tighten: "suspended its permission" does,
 * "suspended the ban" or "narrowed the restrictions" loosens instead; "tightened restrictions" does.
 */
const TIGHTEN_OBJECTS: readonly (readonly [RegExp, RegExp])[] = [
  [/^(suspend|halt|paus|freez|froze|scal|curtail|narrow)/, PERMISSION],
  [/^tighten/, /^(ban|restrictions?|limits?|rules|curbs|constraints)$/],
];

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
      // "gave in to pressure and let Ukraine fire…": pressure for nothing named is the decision's cause, not a call.
      if (tokens[i]!.tags.has('Noun') && !tokens[i]!.tags.has('Verb')) return next.some((w) => /^(to|for|on|from|by|of)$/.test(w)) ? kind : undefined;
      return kind;
    case 'consider':
      if (/^work/.test(word)) return next.slice(0, 3).includes('out') ? kind : undefined;
      // "leaning toward approving", not "lean forces".
      if (/^lean/.test(word)) return /^toward/.test(next[0] ?? '') ? kind : undefined;
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
      if ([...clauseBefore, ...next].some((w) => CONTINUITY.has(w))) return kind;
      return isFreshBan(tokens, i) ? 'tighten' : undefined;
    }
    case 'speculate':
      return word.startsWith('think') && next[0] === 'tank' ? undefined : kind;
    case 'permit':
      if (/^sign/.test(word)) return next[0] === 'off' && permitsUkraine(tokens, i + 1) ? kind : undefined;
      // "cleared Ukraine to use", not "it is clear that Ukraine…".
      if (/^clear/.test(word) && !tokens[i]!.tags.has('Verb')) return undefined;
      return permitsUkraine(tokens, i) ? kind : undefined;
    case 'tighten': {
      // "reverses a Pentagon decision" on deliveries is no reversal of this permission.
      const object = TIGHTEN_OBJECTS.find(([verb]) => verb.test(word))?.[1] ?? REVERSED;
      if (/^scal/.test(word) && next[0] !== 'back') return undefined; // "scaled back", not "scaled up"
      return next.some((w) => object.test(w)) ? kind : undefined;
    }
    default:
      return kind;
  }
}

/**
 * "has blocked Ukraine from using…", "Trump bans Ukraine from striking…": a ban put in place now
 * (present perfect, or a headline's present) tightens; "bars", "prohibits", "forbids" describe
 * the standing ban and stay restrictState.
 */
function isFreshBan(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (!/^(ban|block)/.test(token.word) || !UKRAINE_OBJECTS.test(tokens[i + 1]?.word ?? '') || tokens[i + 2]?.word !== 'from') return false;
  const auxiliary = auxiliaryBefore(tokens, i);
  return auxiliary === 'has' || auxiliary === 'have' || (/s$/.test(token.word) && token.tags.has('PresentTense') && !AUXILIARIES.has(auxiliary ?? ''));
}

/** "restrictions … have been lifted": a passive loosening verb with its object before it. */
function passiveWithObject(tokens: readonly Token[], i: number, object: RegExp): boolean {
  return /ed$|en$/.test(tokens[i]!.word) && /^(been|be|is|are|was|were)$/.test(tokens[i - 1]?.word ?? '') && words(tokens, i - 12, i - 1).some((w) => object.test(w));
}

/** "Ukraine can now use ATACMS…": a permission stated as Ukraine's new ability. */
function newAbility(tokens: readonly Token[], i: number): boolean {
  if (!/^(can|may)$/.test(tokens[i]!.word) || tokens[i + 1]?.word !== 'now' || !ACTION_VERBS.test(tokens[i + 2]?.root ?? '')) return false;
  return words(tokens, i - 3, i).some((w) => UKRAINE_OBJECTS.test(w) || /^(ukrainian|forces|troops|military)$/.test(w));
}

/** "is no longer allowed to fire…": the permission is gone, a tightening told as a negation. */
const noLonger = (tokens: readonly Token[], at: number): boolean => words(tokens, at - 4, at).join(' ').includes('no longer');

export function findPredicates(tokens: readonly Token[]): Predicate[] {
  return permitsFound(tokens).map((p) => (p.kind === 'permit' && noLonger(tokens, p.at) ? { kind: 'tighten', at: p.at } : p));
}

function permitsFound(tokens: readonly Token[]): Predicate[] {
  const found: Predicate[] = [];
  tokens.forEach((token, i) => {
    if (token.word === 'whether' || token.word === 'if' || token.word === 'unless') return found.push({ kind: 'question', at: i });
    if (newAbility(tokens, i)) return found.push({ kind: 'permit', at: i });
    // compromise splits "green-lit" into "green" + "lit".
    if (token.word === 'green' && /^(lit|lighted)$/.test(tokens[i + 1]?.word ?? '') && permitsUkraine(tokens, i + 1)) return found.push({ kind: 'permit', at: i });
    const object = PERMIT_WITH_OBJECT.get(token.word) ?? PERMIT_WITH_OBJECT.get(token.root);
    // "the end of the ban" is a noun.
    const verbal = !(token.word === 'end' && !token.tags.has('Verb'));
    if (object && verbal && (words(tokens, i + 1, i + 7).some((w) => object.test(w)) || passiveWithObject(tokens, i, object))) return found.push({ kind: 'permit', at: i });
    const kind = predicateKindOf(token.word, token.root);
    const confirmed = kind && confirm(kind, tokens, i);
    if (confirmed) found.push({ kind: confirmed, at: i });
    return undefined;
  });
  return found;
}

/** The auxiliary before a participle, past adverbs: "is now allowing", "has quietly lifted". */
const auxiliaryBefore = (tokens: readonly Token[], at: number): string | undefined =>
  tokens.slice(Math.max(0, at - 3), at).reverse().find((t) => !t.tags.has('Adverb') && !ADVERBS.has(t.word))?.word;

// People who predict rather than announce: "Analysts said Washington would allow…" is their forecast.
const OUTSIDERS = /^(analysts?|experts?|observers?|critics?|commentators?|pundits?|scholars?)$/;
const REFUTATION = /^(false|untrue|incorrect|inaccurate|baseless|unfounded|wrong|fake)$/;
// A shift the headline names before its participle: "Biden reverses course, allowing…".
const COURSE_CHANGE = /^(revers|chang|shift|relent|cave|bow|yield|conced|updat|revis|decid|agree|announc|sign|mov)/;

/**
 * "Reports that Biden had authorized … are false", "… have not been confirmed", "… remain
 * unconfirmed": the decision is refuted, or left unconfirmed, after it is told.
 */
const refuted = (tokens: readonly Token[], at: number): boolean =>
  tokens.slice(at + 1).some((t, k, after) => {
    const before = after[k - 1]?.word ?? '';
    if (/^(confirmed|verified|substantiated)$/.test(t.word)) return /^(be|been)$/.test(before) && after[k - 2]?.word === 'not';
    return (REFUTATION.test(t.word) || /^un(confirmed|verified|substantiated)$/.test(t.word)) && /^(is|are|was|were|be|remain|remains)$/.test(before);
  });

// Russia's officials and state media: "Russia says Washington has given Kyiv permission…" is their claim, not the decision.
const RUSSIAN_VOICE = /^(russia|russian|kremlin|moscow|putin|peskov|lavrov|zakharova|medvedev|shoigu|nebenzia|tass|ria)$/;

// compromise tags "inside" an adjective in "missiles inside Russia".
const PLACE_BEFORE = /^(inside|into|in|within|against|on|across|over|near|deep|deeper)$/;

/**
 * Whether the few words before a saying verb, back to a comma, name Russia as who says so:
 * "inside Russia, officials said" is the officials, and in "strikes inside Russia have been
 * confirmed" Russia is a place, after its preposition.
 */
function russianSpeaker(tokens: readonly Token[], at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - 5) && !tokens[k]!.post.includes(','); k--) {
    if (RUSSIAN_VOICE.test(tokens[k]!.word) && !(tokens[k - 1]?.tags.has('Preposition') || PLACE_BEFORE.test(tokens[k - 1]?.word ?? ''))) return true;
  }
  return false;
}

/** A report in the clause voiced by Russia, before the decision ("Russia says…") or after it ("…, the Kremlin said"). */
const toldByRussia = (tokens: readonly Token[], predicates: readonly Predicate[]): boolean =>
  predicates.some((p) => p.kind === 'report' && russianSpeaker(tokens, p.at));

/** "would only allow … if its allies agreed": a condition after a future decision leaves it undecided ("even if" concedes, it sets no condition). */
const conditional = (tokens: readonly Token[], predicates: readonly Predicate[], at: number): boolean =>
  predicates.some((p) => p.kind === 'question' && p.at > at && tokens[p.at]!.word !== 'whether' && tokens[p.at - 1]?.word !== 'even');

/** The status of a permit/tighten verb from the words around it: negation, modals, hedges, tense, who says so. */
function decisionStatus(tokens: readonly Token[], predicates: readonly Predicate[], at: number, reported: boolean): ClaimStatus | undefined {
  const window = words(tokens, at - 5, at);
  const token = tokens[at]!;
  // The "no" of "no longer allowed" made the predicate a tightening (findPredicates); it negates nothing more.
  const negated = window.some((w, k) => NEGATORS.has(w) && !(w === 'no' && window[k + 1] === 'longer')) || window.join(' ').includes('yet to') || refuted(tokens, at);
  if (window.some((w) => DEONTIC.has(w))) return negated ? 'denied' : 'urged';
  if (negated || window.includes('unlikely')) return 'denied'; // "is unlikely to allow": no change expected
  const saying = predicates.filter((p) => (p.kind === 'report' || p.kind === 'speculate') && p.at < at).at(-1);
  // "Ukraine hopes Trump will lift…", "Putin warned that Washington would soon allow…", "Russia claims the US has allowed…".
  if (saying?.kind === 'speculate' || toldByRussia(tokens, predicates)) return 'considering';
  // "could announce as soon as this week that it will allow": the hedge on the saying covers the decision.
  if (saying && tokens.slice(Math.max(0, saying.at - 3), saying.at).some(isHedge)) return 'considering';
  // Before the future: "would likely allow", "will probably" are forecasts.
  if (tokens.slice(Math.max(0, at - 5), at).some(isHedge)) return 'considering';
  if ((window.some((w) => FUTURE.has(w)) || window.includes('would')) && conditional(tokens, predicates, at)) return 'considering';
  if (window.some((w) => FUTURE.has(w))) return 'announced';
  // "said it would allow" is reported future; a bare "would allow", or an analyst's, is a hypothesis.
  if (window.includes('would')) return reported && !(saying && words(tokens, saying.at - 3, saying.at).some((w) => OUTSIDERS.test(w))) ? 'announced' : 'considering';
  const previous = tokens[at - 1]?.word;
  const auxiliary = auxiliaryBefore(tokens, at);
  if (at === 0 && !token.tags.has('PastTense')) return 'urged'; // imperative: "Let Ukraine strike…"
  if (previous === 'to') return infinitiveStatus(tokens, predicates, at, reported);
  if (/ing$/.test(token.word) && !AUXILIARIES.has(auxiliary ?? '')) {
    // "Allowing strikes could…" is a topic; "Biden reverses course, allowing strikes" is the decision.
    const head = tokens[at - 1]?.post.includes(',') ? tokens.slice(0, at).findIndex((t) => t.tags.has('Verb') && COURSE_CHANGE.test(t.word)) : -1;
    return head >= 0 ? decisionStatus(tokens, predicates, head, reported) : undefined;
  }
  return 'enacted';
}

/**
 * "decided to let", "has shifted its policy to allow": the head verb is the decision. "The
 * decision to allow … was made" is one; "UK to let Ukraine fire…" is a headline's future.
 */
function infinitiveStatus(tokens: readonly Token[], predicates: readonly Predicate[], at: number, reported: boolean): ClaimStatus | undefined {
  const head = predicates.filter((p) => p.kind === 'decide' && p.at < at && p.at >= at - 6).at(-1);
  if (head) return decisionStatus(tokens, predicates, head.at, reported);
  if (/^decisions?$/.test(tokens[at - 2]?.word ?? '')) {
    const after = words(tokens, at + 1, tokens.length);
    if (after.some((w, k) => /^(made|taken|announced)$/.test(w) && /^(was|were|been)$/.test(after[k - 1] ?? ''))) return 'enacted';
    return after.includes('expected') ? 'considering' : undefined;
  }
  // Headline syntax: a capitalised subject and no verb before "to": "Germany to allow Ukraine…".
  const before = tokens.slice(0, at - 1);
  const headline = before.length > 0 && before.length <= 4 && /^\p{Lu}/u.test(tokens[at - 2]!.text) && !before.some((t) => t.tags.has('Verb') || t.tags.has('Preposition'));
  return headline ? 'announced' : undefined;
}

/** "In 2024, …", "Last year …", "had allowed", "has been allowed … since November": a recap, not news. */
function isRecap(clause: Clause, at: number, reported: boolean): boolean {
  const tokens = clause.tokens;
  if (clause.subordinate || tokens.slice(0, at).some((t, k) => isPastMarker(t, tokens[k + 1]))) return true;
  const auxiliary = auxiliaryBefore(tokens, at);
  // Past perfect in a reporter's own voice; "officials said Biden had authorized…" is news told in the past.
  if (auxiliary === 'had' && !reported) return true;
  // Only the verb's own phrase, up to a comma: "has lifted the ban, reversing a policy in place since 2022" is news.
  const phraseEnd = tokens.findIndex((t, k) => k >= at && /[,;]/.test(t.post));
  const after = words(tokens, at + 1, phraseEnd < 0 ? tokens.length : phraseEnd + 1);
  return after.some((w, k) => {
    const next = after[k + 1] ?? '';
    if (w === 'since') return MONTH.has(next) || YEAR.test(next) || next === 'last' || next === 'then';
    if (w === 'for') return /^(months|years|weeks|decades)$/.test(next);
    // "authorized … in November 2024": a dated past, unless told as just done ("has authorized").
    if (w === 'in' && auxiliary !== 'has' && auxiliary !== 'have') return YEAR.test(next) || (MONTH.has(next) && YEAR.test(after[k + 2] ?? ''));
    return false;
  });
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

// newAbility's words ("Ukraine can now use…"), which no lexicon entry covers.
const NEW_ABILITY_WORDS = /\b(?:can|may)\s+now\b/i;

/**
 * Whether a sentence has a word that could be a claim-bearing predicate, in any form
 * compromise lemmatizes to one. Parsing a sentence with compromise costs 1-4 ms; one in three
 * of those that reach it on news of the story has no such word and so no claim, and this one
 * regex test spares them the parse.
 */
export const mayCarryClaim = (sentence: string): boolean => CLAIM_WORD.test(sentence) || NEW_ABILITY_WORDS.test(sentence);

/** The first claim-bearing predicate in the clause decides its status ("called on Biden to allow" is urged). */
export function classifyClause(clause: Clause, reported: boolean): ClauseVerdict | undefined {
  const tokens = clause.tokens;
  const predicates = findPredicates(tokens);
  let questioned = clause.question;
  for (const predicate of predicates) {
    const before = words(tokens, predicate.at - 4, predicate.at);
    switch (predicate.kind) {
      case 'question':
        questioned = true;
        continue;
      case 'decide':
        // "has not yet decided whether to let…": the decision is still open.
        if (before.some((w) => NEGATORS.has(w)) && /^(whether|on)$/.test(tokens[predicate.at + 1]?.word ?? '')) return { status: 'considering', background: false };
        continue;
      case 'report':
      case 'speculate':
        continue;
      case 'permit':
      case 'tighten': {
        if (questioned) continue; // "asked if the US will lift…", "if Kyiv is permitted…": nothing asserted
        const status = decisionStatus(tokens, predicates, predicate.at, reported);
        if (!status) continue;
        return { status, direction: predicate.kind === 'permit' ? 'loosen' : 'tighten', background: isRecap(clause, predicate.at, reported) };
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

/** Said by someone: a report, or a belief voiced ("claims", "warned"). */
export const isReported = (tokens: readonly Token[]): boolean =>
  tokens.some((t) => {
    const kind = predicateKindOf(t.word, t.root);
    return kind === 'report' || kind === 'speculate';
  });
