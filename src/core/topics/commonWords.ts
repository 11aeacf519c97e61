/**
 * Words so frequent in news that anchoring a topic on them would make it a candidate for
 * nearly every item. The index prefers any other word of a topic as its anchor (see
 * anchors.ts); matching stays exact either way. Stems, as the lexicon computes them.
 */
export const COMMON_STEMS: ReadonlySet<string> = new Set(
  `the of and to a in for is on that by with as at from it be wa ha have are an thi not but or said
  hi their they he she we will would can could new year on at after over more than who which about
  up out also into been were time last first two three one mr mrs percent report state offici
  govern presid peopl world nation countri week day month today yesterday million billion u s
  unit american news reuter ap afp monday tuesday wednesday thursday friday saturday sundai`
    .split(/\s+/)
    .filter(Boolean),
);
