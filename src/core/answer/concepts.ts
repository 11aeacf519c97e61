import { ALIAS_GROUPS, type AliasGroup } from './aliasGroups.ts';
import { stem, stems, words } from './stems.ts';
import { isStopWord } from './stopWords.ts';

/**
 * One thing a question is about, with every way the corpus may say it: "the White House"
 * becomes {US, U.S., Washington, White House, Biden administration, …}. `forms` go to FTS5
 * (each quoted, so a form is a word or a phrase, never syntax); `stemForms` are the same
 * forms as stems, for counting matches in JavaScript.
 */
export interface Concept {
  readonly label: string;
  readonly entity: boolean;
  readonly forms: readonly string[];
  readonly stemForms: readonly (readonly string[])[];
  /** The words the question itself used, as it typed them ("white house"). */
  readonly asked: string;
}

/**
 * Concepts read from a long question, bounded in cost. Answering then keeps the most telling
 * of them (conceptWeights.ts: mostTelling), so a briefing-note preamble ("I am writing a note
 * for a minister…") does not crowd out the ATACMS asked about at its end.
 */
export const MAX_CONCEPTS = 24;
const LONGEST_ALIAS = 5;
const MAX_QUESTION_CHARS = 2000;
const MAX_WORDS = 200;
const MAX_WORD_LENGTH = 64;

interface AliasIndex {
  readonly byStems: ReadonlyMap<string, AliasGroup>;
}

let aliasIndex: AliasIndex | undefined;

function aliases(): AliasIndex {
  if (aliasIndex) return aliasIndex;
  const byStems = new Map<string, AliasGroup>();
  for (const group of ALIAS_GROUPS) {
    for (const form of group.forms) {
      const key = stems(form).join(' ');
      // The first group that claims a form keeps it: entities are listed before paraphrases.
      if (key && !byStems.has(key)) byStems.set(key, group);
    }
  }
  aliasIndex = { byStems };
  return aliasIndex;
}

const groupConcept = (group: AliasGroup, asked: string): Concept => ({
  asked,
  label: group.name,
  entity: group.entity,
  forms: group.forms,
  stemForms: group.forms.map(stems),
});

const wordConcept = (word: string): Concept => ({ label: word, entity: false, forms: [word], stemForms: [[stem(word)]], asked: word });

/** People type "the us" in chat; after "the" it is the country, never the pronoun (stems.ts reads "US" so). */
const spelledOut = (question: string): string => question.replace(/(?<![\p{L}\p{N}])(the\s+)us(?![\p{L}\p{N}])/giu, '$1U.S.');

/**
 * The question's content as concepts, in the order asked. Aliases are found on the longest
 * matching run of words first ("Secretary of State" before "State"); question words and
 * stop words are dropped; what remains is one concept per word.
 */
export function extractConcepts(question: string): Concept[] {
  // Bounded however long or hostile the text: the first words only, none absurdly long. Order
  // and repeats are kept ("turn the tide" after "the Pentagon"), as phrases need them.
  const tokens = words(spelledOut(question.slice(0, MAX_QUESTION_CHARS))).filter((w) => w.length <= MAX_WORD_LENGTH).slice(0, MAX_WORDS);
  const tokenStems = tokens.map(stem);
  const { byStems } = aliases();
  const concepts = new Map<string, Concept>();
  let i = 0;
  while (i < tokens.length && concepts.size < MAX_CONCEPTS) {
    let matched = 0;
    for (let length = Math.min(LONGEST_ALIAS, tokens.length - i); length >= 1 && matched === 0; length--) {
      if (length === 1 && isStopWord(tokens[i]!)) break;
      const group = byStems.get(tokenStems.slice(i, i + length).join(' '));
      if (group) {
        if (!concepts.has(group.name)) concepts.set(group.name, groupConcept(group, tokens.slice(i, i + length).join(' ')));
        matched = length;
      }
    }
    const key = `word:${tokenStems[i]}`;
    if (matched === 0 && !isStopWord(tokens[i]!) && !concepts.has(key)) concepts.set(key, wordConcept(tokens[i]!));
    i += Math.max(matched, 1);
  }
  return [...concepts.values()];
}
