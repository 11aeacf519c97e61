/**
 * The golden questions: paraphrases of facts in the seed corpus (data/corpus) and in
 * ../shared/fixtures/news, worded so they do not repeat the answering sentence. `facts` are
 * what the first quote must contain (any one of them); `null` means the corpus has nothing on
 * it and the answer must be `no-answer`.
 */
export interface GoldenQuestion {
  readonly question: string;
  readonly facts: readonly string[] | null;
  /** Where the answer is: `seed` (data/corpus) or `news` (../shared/fixtures/news). */
  readonly from: 'seed' | 'news' | 'none';
}

const seed = (question: string, ...facts: string[]): GoldenQuestion => ({ question, facts, from: 'seed' });
const news = (question: string, ...facts: string[]): GoldenQuestion => ({ question, facts, from: 'news' });
const none = (question: string): GoldenQuestion => ({ question, facts: null, from: 'none' });

export const GOLDEN_QUESTIONS: readonly GoldenQuestion[] = [
  // The seed corpus: the May–September 2024 debate over strikes inside Russia.
  seed('How far away can the Army tactical missiles reach?', '300 kilometers', '190 miles', '200 miles'),
  seed('Which munition did the administration keep refusing to let Kyiv fire into Russian territory in May?', 'ATACMS'),
  seed('What did the president tell journalists when asked whether he would scrap the limits?', 'working that out'),
  seed('Which Maryland senator demanded that the curbs be relaxed?', 'Cardin'),
  seed('Which British diplomat travelled to the Ukrainian capital together with Blinken?', 'Lammy'),
  seed('What did the Pentagon chief say about whether a single weapon could turn the tide?', 'decisive', 'change the tides'),
  seed('How many former national security officials put their names to the open letter?', '17 former'),
  seed('Which outlet broke the news about the Kharkiv decision first?', 'Politico was first'),
  seed("What did Biden's national security adviser tell PBS about where Kyiv may hit back?", 'geography', 'common sense', 'hit back', 'expand the area'),
  seed('What reasons has the administration given for keeping the last curbs?', 'escalate tensions', 'high-value targets'),
  seed('Which committee chairmen signed the Republican letter to the president?', 'McCaul'),
  seed('Which British missile is London weighing letting Kyiv fire deeper into Russia?', 'Storm Shadow'),
  seed("Does Kyiv use its allies' arms against Russian soil, according to Ukraine's president?", 'do not use the weapons of our partners'),
  seed('What did the Kremlin leader warn that easing the limits would amount to?', 'at war with NATO', 'biggest escalation', 'playing with fire', 'direct U.S. involvement'),
  seed('According to a London academic, what keeps the president hesitant to let American arms be used on Russian soil?', 'risk of escalation'),
  seed('Is there concern that America is running short of the tactical missiles?', 'limited number of ATACMS', 'limited supply'),
  seed('What can Ukraine now go after across the frontier from Kharkiv with American artillery?', 'ammunitions depots', 'logistical hubs'),
  seed('Which European leader gave Kyiv permission to hit bases in Russia with his own long-range missiles?', 'Macron', 'French weapons'),
  seed('What did the congressional caucus on Ukraine urge Biden to permit?', 'long-range weapons'),
  seed('Which Russian region did Moscow launch a new offensive in this month?', 'Kharkiv'),
  // The news fixtures: the November 2024 reversal and the stories around it.
  news('When did the president remove the prohibition on firing long-range missiles deep into Russia?', 'lifted a ban'),
  news("How many soldiers from Pyongyang did the deputy security adviser say had joined Moscow's army?", '10,000'),
  news('Which company manufactures the Army Tactical Missile Systems?', 'Lockheed Martin'),
  news('What was the value of the contract to build more of the ATACMS?', '226 million'),
  news('How many North Korean soldiers did American officials first say had been sent to bases in Russia?', '3,000'),
  news("What is Kyiv's intelligence estimate of Pyongyang's soldiers spread across Russian bases?", '12,000'),
  news('Where were the first soldiers from North Korea deployed?', 'Kursk'),
  news('Which congressman wants America to consider fighting Pyongyang’s forces if they enter Ukraine?', 'Turner'),
  news('What would the North Korean soldiers become if they join the fight, per the White House?', 'legitimate military targets'),
  news('What did Trump tell Zelenskyy about hitting the Russian capital?', 'target Moscow'),
  news('How long did Trump give Putin to agree to a truce before tariffs?', '50 days', '50-day'),
  news('Is Trump thinking about sending Kyiv long-range missiles?', 'not considering', 'not looking'),
  news('What share of the profits goes to the joint reconstruction fund?', '50%'),
  news('What did the minerals agreement give Washington?', 'preferential access', 'favored access'),
  news('How much money for Ukraine did the House approve in April 2024?', '60 billion'),
  news('What was the vote count on the Israel funding bill?', '366-58'),
  news('Which Iranian nuclear facilities did American warplanes bomb?', 'Fordow'),
  news('How many US service members are stationed in the Persian Gulf?', '40,000'),
  news('How did Moscow describe the plan to deliver Patriot air defenses to Kyiv?', 'unpredictable consequences', 'escalation', 'provocative'),
  news('What aircraft did Zelensky ask Biden for directly?', 'Mi-17'),
  news('How much was the April 2022 package of arms for Ukraine worth?', '800 million'),
  news("What did the alliance's secretary-general say about combat soldiers on Ukrainian soil?", 'no plans for NATO combat troops'),
  news('How many residents were evacuated from Kharkiv and Sumy?', '20,000'),
  news('How many glide bombs did Zelenskyy say Russia dropped this month?', '3,200'),
  news('What did Trump and Putin agree to stop attacking in their March call?', 'energy'),
  news('How many prisoners would each side release in the exchange?', '175'),
  news('What help does Kyiv’s military require to shoot ATACMS at their furthest distance?', 'Pentagon assistance'),
  // Off-topic: the corpus knows nothing of these, so no quote may be offered.
  none('What is the capital of Peru?'),
  none('Who won the 2018 FIFA World Cup?'),
  none('How do I bake sourdough bread at home?'),
  none('What is the boiling point of water at sea level?'),
  none('When did the Beatles release Abbey Road?'),
  none('Which team won the Super Bowl in 2020?'),
  none('What is the best recipe for chocolate chip cookies?'),
];
