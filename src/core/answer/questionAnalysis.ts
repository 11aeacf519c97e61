import nlp from 'compromise';
import { answerTypeOf, type AnswerType } from './answerType.ts';
import { extractConcepts, type Concept } from './concepts.ts';
import { stems } from './stems.ts';

/** What a question asks, ready for retrieval and ranking. */
export interface QuestionAnalysis {
  readonly question: string;
  readonly concepts: readonly Concept[];
  readonly answerType: AnswerType;
  /** "latest", "still", "yet", "now": newer evidence should win. */
  readonly wantsRecency: boolean;
  /** "Is the ban still in place?", "Can Ukraine use ATACMS?": the state now, not a past event. */
  readonly asksCurrentState: boolean;
  /** Stems of names compromise recognised (people, places, organisations): the corpus must know them. */
  readonly namedStems: ReadonlySet<string>;
  /** Concepts (labels) of whoever the question wants words from: "what did Putin say", "according to Kyiv". */
  readonly speakers: ReadonlySet<string>;
}

const RECENCY = /\b(latest|current|currently|still|yet|now|nowadays|recent|recently|newest|so far|at the moment|today|these days|any more|anymore)\b/i;
/** Present-tense yes/no questions ask how things stand: "Can Ukraine…", "Is the US allowing…". */
const PRESENT_STATE = /^\s*(can|is|are|does|do|has|have|may)\b/i;
/** "Did the US allow …?" asks whether a permission was given: the tracked state answers it. */
const PERMISSION_QUESTION = /^\s*(did|was|were|has|have)\b[^?]{0,200}\b(allow|permit|authori[sz]|let|lift|eas(e|ed|ing)|green.?light|approv)/i;
/**
 * Who is to have said it: "according to Ukraine's president", "what did the Kremlin leader
 * warn", "did Austin say". A quote from anyone else does not answer such a question.
 */
const SPEAKER = [
  /\baccording to (.{1,60}?)(?:[,?.;:!]|$)/i,
  /\b(?:what|how|why|when) (?:did|does|do|has|have|had|will|would|is|was) (.{1,60}?) (?:say|said|saying|tell|told|telling|warn|warned|warning|claim|claimed|mean|argue|argued|write|wrote|announce|announced|promise|promised|threaten|threatened|call|called|describe|described)\b/i,
  /^\s*(?:did|does|has|have) (.{1,60}?) (?:say|said|warn|warned|claim|claimed|tell|told)\b/i,
];

/** "Biden's national security adviser" is the adviser: what comes after the last possessive. */
const POSSESSOR = /^.*\b\w+['’]s\s+(?=\S)/;

function speakersOf(question: string): Set<string> {
  const spans = SPEAKER.map((pattern) => pattern.exec(question)?.[1]).filter((span): span is string => Boolean(span));
  return new Set(spans.flatMap((span) => entitiesIn(span.replace(POSSESSOR, '')) ?? entitiesIn(span) ?? capitalisedIn(span) ?? []));
}

const labelsOrNone = (labels: string[]): string[] | undefined => (labels.length > 0 ? labels : undefined);

/** The entities a span names, or undefined for none ("Ukraine's president" is one, "president" none). */
const entitiesIn = (span: string): string[] | undefined => labelsOrNone(extractConcepts(span).filter((c) => c.entity).map((c) => c.label));

/**
 * A name no alias knows, written as one ("Rishi Sunak", "Meloni"): its words. A lower-case title
 * ("the president") is not one — it may be anybody the corpus names.
 */
function capitalisedIn(span: string): string[] | undefined {
  const capitalised = new Set((span.match(/\p{Lu}[\p{L}\p{M}'’-]*/gu) ?? []).map((w) => w.toLowerCase()));
  return labelsOrNone(extractConcepts(span).filter((c) => capitalised.has(c.asked)).map((c) => c.label));
}

/** Entity recognition reads the start of the question; a 10,000-character paste is not a question. */
const NER_WINDOW = 600;

export function analyseQuestion(question: string): QuestionAnalysis {
  const doc = nlp(question.slice(0, NER_WINDOW));
  const wantsRecency = RECENCY.test(question.slice(0, 2000));
  const names = [doc.people(), doc.places(), doc.organizations()].flatMap((view) => view.out('array') as string[]);
  return {
    question,
    concepts: extractConcepts(question),
    answerType: answerTypeOf(question),
    wantsRecency,
    asksCurrentState: wantsRecency || PRESENT_STATE.test(question) || PERMISSION_QUESTION.test(question.slice(0, 400)),
    namedStems: new Set(names.flatMap(stems)),
    speakers: speakersOf(question.slice(0, NER_WINDOW)),
  };
}
