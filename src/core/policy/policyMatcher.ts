import type { PolicyDefinition, PolicyState } from './policyDefinition.ts';
import { escapeRegExp } from '../text/escapeRegExp.ts';

/**
 * Where a sentence names a policy: its actor ("Biden", "the White House"), its weapons
 * ("ATACMS", "US-provided weapons", "long-range U.S. weapons") and the scope of a state
 * ("near Kharkiv", "deep inside Russia"). Compiled once per policy definition.
 */
export interface Mention {
  readonly text: string;
  readonly at: number;
}

const escape = (text: string): string => escapeRegExp(text).replace(/\s+/g, '\\s+');

/** Aliases with no lower-case letter ("US", "U.S.") match case-sensitively, so "us" is not the US. */
function looseRegex(phrases: readonly string[]): RegExp | undefined {
  const list = phrases.filter((p) => /\p{Ll}/u.test(p));
  if (list.length === 0) return undefined;
  const sorted = [...list].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

function exactRegex(phrases: readonly string[]): RegExp | undefined {
  const list = phrases.filter((p) => !/\p{Ll}/u.test(p));
  if (list.length === 0) return undefined;
  const sorted = [...list].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

/** Phrases, matched as whole words: aliases with a lower-case letter in any case, the others as written. */
export class PhraseSet {
  private readonly regexes: RegExp[];
  constructor(phrases: readonly string[]) {
    this.regexes = [exactRegex(phrases), looseRegex(phrases)].filter((r): r is RegExp => r !== undefined);
  }
  /** The earliest match: each pattern stops at its first, instead of listing all and sorting. */
  first(text: string): Mention | undefined {
    let best: Mention | undefined;
    for (const regex of this.regexes) {
      const found = firstMatch(regex, text);
      // On a tie the earlier pattern (the case-sensitive one) wins.
      if (found && (!best || found.at < best.at)) best = found;
    }
    return best;
  }
}

// A "system" is a weapon only with a word that says so: "missile systems", "air defense system";
// "Britain's pension system" is not one.
const WEAPON = '(?:weapons?|missiles?|munitions|arms|rockets|artillery|(?:missile|rocket|weapons?|defen[cs]e|artillery|launch(?:er)?|strike)[- ]systems?)';

/** "US-provided weapons", "American munitions", "long-range U.S. weapons", "weapons provided by Washington". */
function ownedWeaponRegexes(demonyms: readonly string[]): RegExp[] {
  const owners = demonyms.map(escape).join('|');
  const flags = 'gu';
  return [
    new RegExp(`(?<![\\p{L}])(?:${owners})(?:[- ](?:provided|supplied|made|donated|guided|built))?(?:[- ][\\p{L}-]+){0,2}?[- ]${WEAPON}(?![\\p{L}])`, flags),
    new RegExp(`(?<![\\p{L}])(?:${owners})\\s+(?:supplied|provided)-weapons(?![\\p{L}])`, flags),
    new RegExp(`(?<![\\p{L}])${WEAPON}\\s+(?:that\\s+)?(?:it\\s+|they\\s+)?(?:provided|supplied|donated|given|sent)\\s+by\\s+(?:the\\s+)?(?:${owners})(?![\\p{L}])`, flags),
    new RegExp(`(?<![\\p{L}])${WEAPON}\\s+(?:that\\s+)?(?:the\\s+)?(?:${owners})(?:\\s+and\\s+(?:the\\s+)?[\\p{L}.]+)?\\s+(?:has|have|had)\\s+(?:provided|supplied|sent|given)(?![\\p{L}])`, flags),
  ];
}

export interface PolicyMatcher {
  readonly policy: PolicyDefinition;
  actor(text: string): Mention | undefined;
  /** The actor by a proper name ("Biden", "the White House"), not a lower-case title ("the president"). */
  properActor(text: string): Mention | undefined;
  /** A weapon only this policy's actor supplies: ATACMS, Storm Shadow, "French weapons". */
  ownSubject(text: string): Mention | undefined;
  /** The state a sentence's scope or subject points at, with the words that said so. */
  stateFor(text: string): { state: PolicyState; scope?: string } | undefined;
}

export function compilePolicy(policy: PolicyDefinition): PolicyMatcher {
  const actor = new PhraseSet(policy.actor.aliases);
  const properNames = new PhraseSet(policy.actor.aliases.filter((alias) => /\p{Lu}/u.test(alias)));
  const subjects = new PhraseSet(policy.subjects);
  const owned = ownedWeaponRegexes(policy.actor.demonyms);
  const states = policy.states.map((state) => ({ state, scopes: new PhraseSet(state.scopes), subjects: new PhraseSet(state.subjects) }));
  return {
    policy,
    actor: (text) => actor.first(text),
    properActor: (text) => properNames.first(text),
    ownSubject(text) {
      const candidates = [subjects.first(text), ...owned.map((r) => firstMatch(r, text))].filter((m): m is Mention => m !== undefined);
      return candidates.sort((a, b) => a.at - b.at)[0];
    },
    stateFor(text) {
      // A scope ("close to the border") outranks a subject ("ATACMS"): the scope is what was decided.
      for (const key of ['scopes', 'subjects'] as const) {
        const hits = states.flatMap(({ state, ...sets }) => {
          const mention = sets[key].first(text);
          return mention ? [{ state, mention }] : [];
        });
        const best = hits.sort((a, b) => b.state.rank - a.state.rank)[0];
        if (best) return key === 'scopes' ? { state: best.state, scope: best.mention.text } : { state: best.state };
      }
      return undefined;
    },
  };
}

function firstMatch(regex: RegExp, text: string): Mention | undefined {
  regex.lastIndex = 0;
  const m = regex.exec(text);
  regex.lastIndex = 0;
  return m ? { text: m[0], at: m.index } : undefined;
}
