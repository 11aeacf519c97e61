import { collapseWhitespace } from '../text/collapseWhitespace.ts';
import { classifyClause, findPredicates, isReported, mayCarryClaim, type ClaimStatus, type Direction } from './claimStatus.ts';
import type { PolicyDefinition } from './policyDefinition.ts';
import { compilePolicy, PhraseSet, type PolicyMatcher } from './policyMatcher.ts';
import { parseTokens, splitClauses, type Token } from './sentenceParse.ts';
import { escapeRegExp } from '../text/escapeRegExp.ts';

/** One sentence's statement about one tracked policy. */
export interface Claim {
  readonly policy: string;
  readonly actor: string;
  readonly subject: string;
  readonly status: ClaimStatus;
  readonly scope?: string;
  readonly quote: string;
  /** For enacted/announced claims: does it loosen or tighten the policy? */
  readonly direction?: Direction;
  /** The state the claim speaks of (from its scope or weapon), when it names one. */
  readonly state?: string;
  /** A recap ("after Biden allowed…", "In May, …"): may corroborate, never creates an event. */
  readonly background: boolean;
  /** Said by someone, or "according to reports". */
  readonly reported: boolean;
}

// Cheap gates before any parsing: a claim needs Ukraine (or a named weapon) and a target or a restriction.
const UKRAINE_WORDS = String.raw`\b(?:Ukrain\w*|Kyiv|Kiev|Zelensk\w*)`;
const UKRAINE = new RegExp(UKRAINE_WORDS, 'i');
const EVERY_UKRAINE = new RegExp(UKRAINE_WORDS, 'gi');
/**
 * How often a text names Ukraine, by the same words as the per-line gate: an article's count
 * gives its lines their context (aboutUkraine) and, at zero, the narrower scan of claimableLines.
 */
export const ukraineMentions = (text: string): number => (text.match(EVERY_UKRAINE) ?? []).length;
const TARGET = /\b(Russia|Russian|Moscow|Kursk|Kharkiv|Belgorod|cross-border|across the border|over the border)\b/i;
/**
 * "Russian forces inside Ukraine", "Russian troops in occupied Crimea": the bare adjective aims
 * at Russia only when the sentence does not put the Russians on Ukrainian soil.
 */
const ON_UKRAINIAN_SOIL = /\b(inside Ukraine|in Ukraine|within Ukraine|its own territory|Ukrainian territory|Ukrainian soil|occupied|Crimea|Donbas|Donetsk|Luhansk|Zaporizhzhia|Kherson)\b/i;
const TARGET_BEYOND_ADJECTIVE = /\b(Russia|Moscow|Kursk|Kharkiv|Belgorod|cross-border|across the border|over the border|Russian (territory|soil|airspace|border|airfields?|bases?|cities|regions?))\b/i;
const aimsAtRussia = (text: string): boolean =>
  TARGET.test(text) && (TARGET_BEYOND_ADJECTIVE.test(text) || !ON_UKRAINIAN_SOIL.test(text));
/** What a decision permits, named: a strike, or restrictions on Ukraine itself ("lifted restrictions on intelligence sharing" is another policy). */
const STRIKE = /\b(strik\w*|hit|hits|hitting|fire|firing|attack\w*|target\w*|long-range|deep|deeper)\b|\b(restrictions?|bans?|limits|curbs)\s+on\s+(Ukrain|Kyiv|Kiev)/i;
/**
 * A decision with neither scope nor a long-range weapon names only "U.S. weapons": it is this
 * policy when it aims at Russia, names a strike, or restricts Ukraine's own use. "Lifted restrictions
 * on Ukraine's Azov brigade using U.S. weapons" or "a ban on contractors deploying to Ukraine" is another.
 */
const STRIKE_USE = /\b(strik\w*|hit|hits|hitting|fire|firing|attack\w*|target\w*|long-range|deep|deeper)\b|\b(restrictions?|bans?|limits|curbs)\s+on\s+(Ukraine|Kyiv|Kiev)(['’]s)?\s+(use|using)\b/i;
const strikesRussia = (text: string): boolean => aimsAtRussia(text) || STRIKE_USE.test(text);
/** Other governments that supply Ukraine, by name or people: policyFor has no policy of theirs. */
const UNTRACKED_GOVERNMENT =
  /\b(Canad\w*|Poland|Polish|Japan\w*|Ital(y|ian)|Dutch|Netherlands|Swed(en|ish)|Finland|Finnish|Norw(ay|egian)|Denmark|Danish|Australia\w*|Spain|Spanish|Belgi(um|an)|Czech\w*|Eston\w*|Latvia\w*|Lithuania\w*|Turkey|Turkish|South Korea\w*)\b/i;
/** Leaders a lower-case title ("the president") may name instead of this actor. */
const OTHER_LEADERS = /\b(Zelensk\w*|Putin|Peskov|Lavrov|Medvedev|Lukashenko|Xi|Erdogan|Netanyahu)\b/;
const RESTRICTION = /\b(restrictions?|bans?|limits|limitations|curbs|prohibition|permissions?|green ?light|greenlight|go-ahead|red lines?)\b/i;
/**
 * `pattern` for a scan of raw text: a space stands for any run of white space (the text is not
 * collapsed), and groups capture nothing (a third faster on a 2.7 KB article: 35 → 23 µs).
 */
const forScan = (pattern: string): string =>
  pattern.replace(/ \?/g, '\\s*').replace(/ /g, '\\s+').replace(/(?<!\\)\((?!\?)/g, '(?:');
const GENERIC_SUBJECTS = new PhraseSet(['long-range missiles', 'long-range weapons', 'long-range missile system', 'Western weapons', 'Western-supplied weapons', 'Western-made weapons', 'weapons', 'missiles', 'munitions']);

const MAX_QUOTE = 600;
const MAX_SENTENCE = 2_000;
/** A run-on "sentence" is read in pieces of MAX_SENTENCE, up to this many: a real one ends well before. */
const MAX_PIECES = 4;

export class ClaimExtractor {
  private readonly matchers: PolicyMatcher[];
  /** Any weapon word or named weapon: the cheap test before the per-policy patterns. */
  private readonly anyWeapon: RegExp;
  /** TARGET, RESTRICTION or anyWeapon over raw text: extract's first gate, for a whole article at once. */
  private readonly gate: RegExp;
  /** anyWeapon over raw text: the gate for an article that never names Ukraine (see claimableLines). */
  private readonly weaponGate: RegExp;

  constructor(policies: readonly PolicyDefinition[]) {
    this.matchers = policies.map(compilePolicy);
    const named = policies.flatMap((p) => p.subjects).map(escapeRegExp);
    this.anyWeapon = new RegExp(`(weapon|missile|munition|\\barms\\b|rocket|artillery|system|${named.join('|')})`, 'i');
    this.gate = new RegExp([TARGET, RESTRICTION, this.anyWeapon].map((r) => forScan(r.source)).join('|'), 'gi');
    this.weaponGate = new RegExp(forScan(this.anyWeapon.source), 'gi');
  }

  /**
   * Whether the sentence names this policy's actor. A lower-case title ("the president", "the
   * administration") is every government's: next to Zelensky or Putin it is theirs, unless the
   * sentence also names the actor by a proper alias or demonym.
   */
  private speaksFor(matcher: PolicyMatcher, text: string): boolean {
    const mention = matcher.actor(text);
    if (!mention) return false;
    if (/\p{Lu}/u.test(mention.text) || !OTHER_LEADERS.test(text)) return true;
    return matcher.properActor(text) !== undefined || matcher.ownSubject(text) !== undefined;
  }

  get policies(): readonly PolicyDefinition[] {
    return this.matchers.map((m) => m.policy);
  }

  /**
   * Which tracked policy a question or headline is about: its own weapon first ("ATACMS",
   * "Storm Shadow"), then its actor when the text is on the topic; a text about Ukraine striking Russia with no actor named
   * is about the first (default) policy.
   */
  policyFor(text: string): PolicyDefinition | undefined {
    const byWeapon = this.matchers.find((m) => m.ownSubject(text));
    // "Will Biden attend the summit?" names the actor but not the policy.
    const onTopic = UKRAINE.test(text) || TARGET.test(text) || RESTRICTION.test(text) || /\blong(?:er)?-range\b/i.test(text);
    const byActor = onTopic ? this.matchers.find((m) => m.actor(text)) : undefined;
    // "Did Canada allow…?" is about a government no policy tracks: the first policy is not its answer.
    const byTopic = UKRAINE.test(text) && (TARGET.test(text) || RESTRICTION.test(text)) && !UNTRACKED_GOVERNMENT.test(text) ? this.matchers[0] : undefined;
    return (byWeapon ?? byActor ?? byTopic)?.policy;
  }

  /**
   * Which of these lines (an article's sentences and title) could make a claim, from one scan
   * of `joined` (the lines joined with a space): extract returns nothing for a line with no
   * target, restriction or weapon, so only the lines a gate match touches are worth parsing.
   * A match across two lines marks both, so no line that could claim is missed.
   *
   * `namesUkraine`: whether `joined` names Ukraine anywhere (ukraineMentions > 0). When it does not, no
   * line is about Ukraine, and extract claims only from a line that names a weapon this
   * policy's actor supplies, so a target or restriction alone ("Russia", "bans": common words
   * in world news) marks nothing: a shorter scan, and fewer lines parsed.
   */
  claimableLines(lines: readonly string[], joined: string, namesUkraine = true): Set<number> {
    const found = new Set<number>();
    let line = 0;
    let lineEnd = lines.length > 0 ? lines[0]!.length : 0;
    for (const match of joined.matchAll(namesUkraine ? this.gate : this.weaponGate)) {
      while (line < lines.length - 1 && match.index >= lineEnd) lineEnd += 1 + lines[++line]!.length;
      found.add(line);
      // The lines the match runs on into, when it spans a join.
      for (let next = line, end = lineEnd; next < lines.length - 1 && match.index + match[0].length > end + 1; ) {
        end += 1 + lines[++next]!.length;
        found.add(next);
      }
    }
    return found;
  }

  /**
   * Every claim a sentence makes, one per policy and status. `aboutUkraine` is the article's
   * context: "asked if the administration would lift restrictions, Biden said: 'We're working
   * that out'" does not name Ukraine, but the article around it does.
   */
  extract(sentence: string, context: { aboutUkraine?: boolean } = {}): Claim[] {
    if (sentence.length <= MAX_SENTENCE) return this.extractPiece(collapseWhitespace(sentence), context);
    // A "sentence" of thousands of characters is a run-on paragraph, a paste or a broken page:
    // parsing it whole would cost seconds, so its first pieces are read, each cut at a comma.
    const claims: Claim[] = [];
    for (const piece of pieces(sentence)) {
      for (const claim of this.extractPiece(collapseWhitespace(piece), context)) {
        if (!claims.some((c) => c.policy === claim.policy && c.status === claim.status)) claims.push(claim);
      }
    }
    return claims;
  }

  private extractPiece(text: string, context: { aboutUkraine?: boolean }): Claim[] {
    const aimed = aimsAtRussia(text) || RESTRICTION.test(text);
    const ukraine = context.aboutUkraine || UKRAINE.test(text);
    // Most sentences of most articles stop here, before the per-policy patterns run.
    if (!(aimed && ukraine) && !this.anyWeapon.test(text)) return [];
    const ownWeapon = this.matchers.filter((m) => m.ownSubject(text));
    if (!(aimed || ownWeapon.length > 0) || !(ukraine || ownWeapon.length > 0)) return [];
    // A weapon names its owner ("French weapons … were permitted" is France's decision, whoever else is named).
    const concerned = ownWeapon.length > 0 ? ownWeapon : this.matchers.filter((m) => this.speaksFor(m, text));
    if (concerned.length === 0) return [];
    // No word that could carry a claim: the costly parse could only find nothing.
    if (!mayCarryClaim(text)) return [];
    const tokens = parseTokens(text);
    if (!speaksOfPolicy(text, tokens, concerned, ownWeapon.length > 0)) return [];
    const reported = isReported(tokens) || /\breportedly\b/i.test(text);
    const claims: Claim[] = [];
    for (const clause of splitClauses(tokens)) {
      const verdict = classifyClause(clause, reported);
      if (!verdict) continue;
      // A decision needs to say where or what it allows: "authorized ATACMS for Ukraine" is a delivery.
      // …and what it permits: "authorized Ukraine to use anti-personnel mines" is another decision.
      const decisive = verdict.status === 'enacted' || verdict.status === 'announced';
      if ((!aimed || !(this.anyWeapon.test(text) || STRIKE.test(text))) && decisive) continue;
      const clauseText = joinTokens(clause.tokens);
      for (const matcher of concerned) {
        if (claims.some((c) => c.policy === matcher.policy.id && c.status === verdict.status)) continue;
        // The clause's own scope or weapon first; from the rest of the sentence only a scope.
        const inSentence = matcher.stateFor(text);
        const target = matcher.stateFor(clauseText) ?? (inSentence?.scope ? inSentence : undefined);
        if (!target && decisive && !strikesRussia(text)) continue;
        claims.push({
          policy: matcher.policy.id,
          actor: matcher.actor(text)?.text ?? matcher.policy.actor.name,
          subject: matcher.ownSubject(text)?.text ?? GENERIC_SUBJECTS.first(text)?.text ?? matcher.policy.defaultSubject,
          status: verdict.status,
          ...(target?.scope ? { scope: target.scope } : {}),
          quote: text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text,
          ...(verdict.direction && decisive ? { direction: verdict.direction } : {}),
          ...(target ? { state: target.state.id } : {}),
          background: verdict.background,
          reported,
        });
      }
    }
    return claims;
  }
}

/**
 * "Trump mulls Russian icebreakers" mentions the US, Russia and a deliberation, yet says nothing
 * of the weapons policy: a claim needs restrictions, a permission verb, a policy scope, a
 * long-range weapon or one of the policy's own weapons.
 */
function speaksOfPolicy(text: string, tokens: readonly Token[], concerned: readonly PolicyMatcher[], ownWeapon: boolean): boolean {
  if (ownWeapon || RESTRICTION.test(text) || /\blong(?:er)?-range\b/i.test(text)) return true;
  if (concerned.some((m) => m.stateFor(text)?.scope)) return true;
  return findPredicates(tokens).some((p) => p.kind === 'permit' || p.kind === 'tighten');
}

const joinTokens = (tokens: readonly Token[]): string => tokens.map((t) => `${t.text}${t.post}`).join('');

/** The first MAX_PIECES pieces of a long text, each at most MAX_SENTENCE long and cut after a comma or semicolon where there is one. */
function pieces(text: string): string[] {
  const found: string[] = [];
  let rest = text;
  while (rest.length > 0 && found.length < MAX_PIECES) {
    let cut = Math.min(rest.length, MAX_SENTENCE);
    if (cut < rest.length) {
      const comma = Math.max(rest.lastIndexOf(', ', cut), rest.lastIndexOf('; ', cut));
      if (comma > MAX_SENTENCE / 2) cut = comma + 1;
    }
    found.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return found;
}
