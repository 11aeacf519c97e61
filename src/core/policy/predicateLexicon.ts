/**
 * The words that carry a claim, by what they do to a policy. Matching is on the lemma
 * compromise gives, and on our own inflections of each base (compromise tags "authorized"
 * as an adjective in "has not authorized strikes", so the lemma alone is not enough).
 */
export type PredicateKind =
  | 'permit' // a decision that loosens: allow, authorize, lift the ban
  | 'tighten' // a reversal: reimpose, revoke, suspend the permission, tighten restrictions
  | 'urge' // others pressing for it: urge, call on, pressure
  | 'consider' // deliberation: weigh, discuss, finalize plans, work it out
  | 'deny' // explicit no-change: refuse, rule out, stand firm
  | 'restrictState' // a description of the standing ban: bar, prohibit (no-change only with "still", "so far")
  | 'question' // whether / if / unless: what follows is not asserted
  | 'speculate' // hope, predict, warn, claim: someone's belief about a decision, not the decision
  | 'report' // said, told, according to: reported speech, not itself a claim
  | 'decide'; // decided / agreed / moved to …: makes the following infinitive a decision

/** allow → allow, allows, allowed, allowing; permit → permitted; ease → eased, easing. */
export function inflections(base: string): string[] {
  const forms = new Set([base]);
  // Short verbs stressed on the last syllable double it: permitted, barred, planned.
  const ed = /^(permit|bar|ban|plan|stop|commit)$/.test(base) ? base + base.at(-1) : base.endsWith('e') ? base.slice(0, -1) : base;
  forms.add(/(s|sh|ch|x|z)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`);
  forms.add(/[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : base.endsWith('e') ? `${base}d` : `${ed}ed`);
  forms.add(`${ed}ing`);
  return [...forms];
}

/**
 * Words compromise gives one of our bases as the lemma (or expansion) of, which
 * `inflections` does not make: irregular verbs and contractions ("wanna" → want to); doubled
 * final consonants (dropped, letting, signalled) come from `doubled`.
 */
const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  withdraw: ['withdrew', 'withdrawn'],
  freeze: ['froze', 'frozen'],
  // compromise splits "green-lit" into "green" + "lit"; findPredicates joins them back.
  'green-light': ['green-lit', 'green-lighted'],
  get: ['got', 'gotten'],
  win: ['won'],
  think: ['thought'],
  stand: ['stood'],
  forbid: ['forbade', 'forbad', 'forbidden'],
  foresee: ['foresaw', 'foreseen'],
  give: ['gave', 'given', 'gimme'],
  plead: ['pled'],
  want: ['wanna'],
  let: ['lemme'],
};
const doubled = (base: string): string[] => (/[^aeiou][aeiou][bdglmnprt]$/.test(base) ? [`${base}${base.at(-1)}ed`, `${base}${base.at(-1)}ing`] : []);
/** Every form of a base the lexicon knows: regular, doubled (letting, winning) and irregular. */
function formsOf(base: string): string[] {
  return [...inflections(base), ...doubled(base), ...(IRREGULAR[base] ?? [])];
}

const table: [PredicateKind, string[]][] = [
  ['permit', ['allow', 'permit', 'authorize', 'authorise', 'approve', 'greenlight', 'green-light', 'ok', 'okay', 'let', 'greenlit', 'oks', "ok'd", 'okd', 'sign', 'signed', 'clear']],
  // suspend … curtail tighten only with their object (claimStatus's confirm): "suspended the ban" loosens.
  ['tighten', ['reimpose', 'reinstate', 'revoke', 'rescind', 'reverse', 'withdraw', 'restore', 'suspend', 'halt', 'pause', 'freeze', 'tighten', 'curtail', 'narrow', 'scale']],
  ['urge', ['urge', 'call', 'press', 'push', 'implore', 'appeal', 'plead', 'lobby', 'pressure', 'demand', 'request', 'ask', 'back', 'advocate', 'argue', 'plea', 'chorus']],
  ['consider', ['consider', 'weigh', 'mull', 'discuss', 'debate', 'deliberate', 'review', 'explore', 'finalize', 'finalise', 'plan', 'prepare', 'study', 'evaluate', 'examine', 'want', 'willingness', 'discussion', 'talk', 'signal', 'work', 'lean']],
  ['deny', ['deny', 'dismiss', 'refuse', 'reject', 'decline', 'resist', 'oppose', 'balk', 'rule', 'stand', 'unmoved', 'anticipate', 'expect', 'foresee', 'look', 'change', 'changed']],
  ['restrictState', ['bar', 'ban', 'prohibit', 'forbid', 'block', 'prevent', 'restrict']],
  ['speculate', ['hope', 'predict', 'speculate', 'fear', 'believe', 'think', 'suspect', 'allege', 'warn', 'claim']],
  ['report', ['say', 'said', 'tell', 'told', 'report', 'reportedly', 'according', 'add', 'note', 'write', 'wrote', 'written', 'state', 'announce', 'confirm', 'answer', 'insist', 'emphasize']],
  ['decide', ['decide', 'agree', 'vote', 'move', 'choose', 'chose', 'chosen', 'direct', 'shift', 'order', 'instruct', 'begin', 'began', 'start']],
];

/** Verbs that loosen only with the right object: lift the ban, ease restrictions, give permission. */
const WITH_OBJECT: readonly (readonly [string, RegExp])[] = [
  ['lift', /^(ban|bans|restrictions?|limits?|limitations|curbs|prohibition|constraints)$/],
  ['ease', /^(ban|restrictions?|limits?|limitations|curbs|constraints)$/],
  ['loosen', /^(ban|restrictions?|limits?|limitations|curbs|constraints|rules)$/],
  ['relax', /^(ban|restrictions?|limits?|limitations|curbs|rules)$/],
  ['remove', /^(ban|restrictions?|limits?|limitations|curbs|constraints)$/],
  ['drop', /^(ban|restrictions?|limits?|objections?|opposition)$/],
  ['end', /^(ban|bans|restrictions?|limits?|limitations|curbs|prohibition|constraints)$/],
  ['scrap', /^(ban|restrictions?|limits?)$/],
  // "suspended the ban" loosens; "suspended its permission" is the tightening kind's.
  ['suspend', /^(ban|bans|restrictions?|limits?|limitations|curbs|prohibition)$/],
  ['expand', /^(area|permission|scope|targets?|use)$/],
  ['widen', /^(area|permission|scope|targets?|use)$/],
  ['change', /^(policy|position|stance)$/],
  ['give', /^(permission|green|greenlight|go-ahead|go|approval|authorization|nod|light)$/],
  ['grant', /^(permission|permissions|green|greenlight|go-ahead|approval|authorization|these)$/],
  ['provide', /^(permission|green|greenlight|go-ahead|approval|authorization)$/],
  ['given', /^(permission|green|greenlight|go-ahead|go|approval|authorization|nod|light)$/],
  ['gave', /^(permission|green|greenlight|go-ahead|go|approval|authorization|nod|light)$/],
  // Ukraine's side of the same decision: "Ukraine has received US permission to strike…".
  ['receive', /^(permission|green|greenlight|go-ahead|approval|authorization|nod|light)$/],
  ['get', /^(permission|green|greenlight|go-ahead|approval|authorization|nod|light)$/],
  ['obtain', /^(permission|green|greenlight|go-ahead|approval|authorization|nod|light)$/],
  ['secure', /^(permission|green|greenlight|go-ahead|approval|authorization|nod|light)$/],
  ['win', /^(permission|green|greenlight|go-ahead|approval|authorization|nod|light)$/],
];
export const PERMIT_WITH_OBJECT: ReadonlyMap<string, RegExp> = new Map(
  WITH_OBJECT.flatMap(([base, object]) => formsOf(base).map((form) => [form, object] as const)),
);

// Irregular forms too: compromise leaves "withdrawn" and "forbidden" unlemmatized when it tags them adjectives.
const KINDS: ReadonlyMap<string, PredicateKind> = new Map(
  table.flatMap(([kind, bases]) => bases.flatMap((base) => formsOf(base).map((form) => [form, kind] as const))),
);

export function predicateKindOf(word: string, root: string): PredicateKind | undefined {
  return KINDS.get(word) ?? KINDS.get(root);
}


/**
 * Every word in a sentence that compromise could give a token of one of these kinds for:
 * each base's inflections, doubled and irregular forms (a superset: a form too many only
 * costs a parse). The permit kind includes the verbs that permit with an object.
 */
export function wordsOfKinds(kinds: ReadonlySet<PredicateKind>): string[] {
  const bases = [...table.filter(([kind]) => kinds.has(kind)).flatMap(([, list]) => list), ...(kinds.has('permit') ? WITH_OBJECT.map(([base]) => base) : [])];
  return [...new Set(bases.flatMap(formsOf))];
}
