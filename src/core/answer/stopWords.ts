/**
 * Words that say how a question is asked, not what it is about. Dropping them keeps
 * "what did the president say about the ban?" from matching every sentence with "the".
 * Answer-type words (who, when, how far) are read before this list removes them.
 */
const QUESTION_WORDS = `who whom whose what which when where why how whether
  do does did done doing is are was were be been being am has have had having
  will would shall should can could may might must tell me explain know`;

const FUNCTION_WORDS = `a an the this that these those there here it its it's they them their theirs he him his
  she her hers we our ours you your yours i my mine one ones
  of in on at to for from by with about as into onto over under between through during near around among within
  against upon via toward towards amid despite per since until unless while because though although us
  before after above below up down out off again further then once than too very so such
  and or but nor not no yes if else also just only own same other any some all both each
  few more most much many lot lots s t don doesn didn isn aren wasn weren hasn haven hadn won wouldn
  ever even still yet now currently current latest recent recently newest today so far far
  get got gets getting make made makes say said says saying according
  thing things something anything way ways kind sort happen happened happening
  go going gone went come came take took put actually really please anyone someone`;

// "far", "yet", "still", "latest" are stop words for matching but cues for ranking:
// questionAnalysis reads them before they are dropped.
export const STOP_WORDS: ReadonlySet<string> = new Set(`${QUESTION_WORDS} ${FUNCTION_WORDS}`.split(/\s+/).filter(Boolean));

export const isStopWord = (word: string): boolean => STOP_WORDS.has(word);
