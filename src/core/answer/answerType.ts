import nlp from 'compromise';

/**
 * What kind of fact a question wants, read from how it is asked. A sentence that carries
 * that kind of fact (a person for "who", a date for "when", a number with a unit for "how
 * far") is more likely the answer than one that only repeats the question's words.
 */
export type AnswerType = 'person' | 'date' | 'place' | 'quantity' | 'distance' | 'reason' | 'other';

const TYPE_CUES: readonly (readonly [AnswerType, RegExp])[] = [
  ['distance', /\bhow (far|deep|long-range)\b|\bwhat (is the |was the )?range\b|\bhow many (miles|kilometers|kilometres|km)\b/],
  ['quantity', /\bhow (many|much)\b|\bwhat (was |is |were |are )?(the )?(number|amount|share|percentage|vote|count|tally|total|figure|margin|cost|price|value|size)\b|\bworth\b/],
  ['person', /\bwho(m|se)?\b|\bwhich (person|people|officials?|lawmakers?|leaders?|countries|country|group|outlets?|company|companies|firm|newspaper|diplomats?|senators?|congress(man|woman)|chairm[ae]n|ministers?|president|committee|expert|general)\b/],
  ['date', /\bwhen\b|\bwhat (day|date|month|year|time)\b|\bhow long ago\b/],
  ['place', /\bwhere\b|\bwhich (city|region|area|place|town)\b/],
  ['reason', /\bwhy\b|\bwhat (reason|reasons|led|caused|motivated)\b|\bfor what reason\b/],
];

/**
 * How much carrying the asked kind of fact counts. A number with a unit after "how far" is
 * near proof; a name after "who" is weak evidence, since most news sentences name someone.
 */
export const TYPE_WEIGHT: Readonly<Record<AnswerType, number>> = {
  distance: 0.15,
  quantity: 0.12,
  person: 0.06,
  date: 0.06,
  place: 0.06,
  reason: 0.06,
  other: 0,
};

export function answerTypeOf(question: string): AnswerType {
  const text = question.slice(0, 2000).toLowerCase();
  for (const [type, cue] of TYPE_CUES) if (cue.test(text)) return type;
  return 'other';
}

const TITLE = /\b(President|Secretary|Senator|Sen\.|Rep\.|Chancellor|Minister|Chairman|Chair|Director|spokes(man|woman|person)|officials?|lawmakers|Republicans|Democrats|leaders?|adviser|advisor|caucus)\b/;
const DATE = /\b(1[89]\d\d|20\d\d|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|yesterday|today|last (week|month|year)|this (week|month|year))\b/;
const DISTANCE = /\d[\d,.]*\s*(-\s*)?(miles?|kilometers?|kilometres?|km|mi)\b/i;
/** Amounts, counts and shares; a bare year ("in 2024") is a date, not a quantity. */
const QUANTITY = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?|half|third|quarter)\b/i;
const YEAR = /\b(1[89]|20)\d\d\b|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(st|nd|rd|th)?\b|\b\d{1,2}(:\d\d)? ?(a\.?m|p\.?m)\b/gi;
const REASON = /\b(because|due to|fears?|feared|concerns?|worr(y|ied)|so that|in order to|reasons?|reasoning|stemmed from|argu(e|ed|ing)|amid|escalation|risk)\b/i;

/**
 * Whether a sentence carries the kind of fact asked for. Names of people, organisations and
 * places come from compromise's entity recognition; dates and numbers from its #Date and
 * #Value tags, with a pattern for units that it does not tag.
 */
export function carriesAnswerType(sentence: string, type: AnswerType): boolean {
  switch (type) {
    case 'other':
      return false;
    case 'distance':
      return DISTANCE.test(sentence);
    case 'reason':
      return REASON.test(sentence);
    case 'date':
      return DATE.test(sentence) || nlp(sentence).match('#Date').found;
    case 'quantity':
      return QUANTITY.test(sentence.replace(YEAR, ''));
    case 'person': {
      if (TITLE.test(sentence)) return true;
      const doc = nlp(sentence);
      return doc.people().found || doc.organizations().found;
    }
    case 'place':
      return nlp(sentence).places().found;
  }
}
