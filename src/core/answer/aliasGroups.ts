/**
 * Names that mean the same thing in news copy, and the everyday paraphrases of the verbs and
 * nouns this beat uses. A question that says "the White House" must find "Washington" and "the
 * US"; one that says "the Secretary of State" must find "Blinken". Each group is matched by
 * stems, so "permitted" hits the "permit" entry and "restrictions" hits "restriction".
 *
 * Entities (`entity: true`) are things the corpus either knows or does not: a question naming
 * an entity the corpus never mentions cannot be answered from it.
 */
export interface AliasGroup {
  readonly name: string;
  readonly entity: boolean;
  readonly forms: readonly string[];
}

const entity = (name: string, forms: string): AliasGroup => ({ name, entity: true, forms: split(forms) });
const synonym = (name: string, forms: string): AliasGroup => ({ name, entity: false, forms: split(forms) });
const split = (forms: string): string[] => forms.split('|').map((f) => f.trim()).filter(Boolean);

export const ALIAS_GROUPS: readonly AliasGroup[] = [
  // Actors and their metonyms.
  entity('united-states', 'US|U.S.|USA|United States|America|American|Americans|Washington|White House|Biden administration|Pentagon'),
  entity('united-kingdom', 'UK|U.K.|Britain|British|United Kingdom|London'),
  entity('russia', 'Russia|Russian|Russians|Moscow|Kremlin'),
  entity('ukraine', 'Ukraine|Ukrainian|Ukrainians|Kyiv|Kiev'),
  entity('north-korea', 'North Korea|North Korean|North Koreans|Pyongyang'),
  entity('iran', 'Iran|Iranian|Tehran'),
  entity('israel', 'Israel|Israeli|Israelis|IDF'),
  // Allies and other governments, by name, people and capital: a question about France's stance
  // is answered by "French weapons" and "Paris".
  entity('france', 'France|French|Paris|Elysee'),
  entity('germany', 'Germany|German|Germans|Berlin'),
  entity('poland', 'Poland|Polish|Warsaw'),
  entity('italy', 'Italy|Italian|Rome'),
  entity('canada', 'Canada|Canadian|Ottawa'),
  entity('netherlands', 'Netherlands|Dutch|The Hague'),
  entity('sweden', 'Sweden|Swedish|Stockholm'),
  entity('finland', 'Finland|Finnish|Helsinki'),
  entity('china', 'China|Chinese|Beijing'),
  entity('japan', 'Japan|Japanese|Tokyo'),
  entity('european-union', 'European Union|EU|Brussels'),
  entity('nato', 'NATO|North Atlantic Treaty Organization|alliance'),
  entity('congress', 'Congress|lawmakers|legislators|senators|House|Senate|congressional'),
  entity('republicans', 'Republicans|Republican|GOP'),
  entity('democrats', 'Democrats|Democrat|Democratic'),
  // Weapons.
  entity('atacms', 'ATACMS|Army Tactical Missile System|long-range missiles|long-range missile|long-range weapons|tactical missiles|tactical missile'),
  entity('storm-shadow', 'Storm Shadow|SCALP|British-made missiles'),
  entity('taurus', 'Taurus|Taurus missile|Taurus missiles'),
  entity('himars', 'HIMARS|High Mobility Artillery Rocket System|rocket launchers'),
  entity('patriot', 'Patriot|Patriot missile|air defense system'),
  // People with their titles: a question may use either.
  entity('biden', 'Biden|Joe Biden|President Biden|President Joe Biden|US president'),
  entity('trump', 'Trump|Donald Trump|President Trump|President-elect Trump|President-elect'),
  entity('zelensky', 'Zelensky|Zelenskyy|Zelenskiy|Ukrainian President|Ukraine’s president|Ukraine president'),
  entity('putin', 'Putin|Vladimir Putin|Russian President|Kremlin leader'),
  entity('blinken', 'Blinken|Antony Blinken|Secretary of State|top diplomat'),
  entity('austin', 'Lloyd Austin|Defense Secretary|Pentagon chief|Secretary of Defense'),
  entity('sullivan', 'Jake Sullivan|Sullivan|national security adviser|national security advisor'),
  entity('macron', 'Macron|Emmanuel Macron|French President'),
  entity('scholz', 'Scholz|Olaf Scholz|German Chancellor|German leader'),
  entity('stoltenberg', 'Stoltenberg|Jens Stoltenberg|NATO chief|NATO Secretary General'),
  entity('starmer', 'Starmer|Keir Starmer|British Prime Minister|UK Prime Minister'),
  entity('lammy', 'Lammy|David Lammy|British Foreign Secretary|Foreign Secretary'),
  entity('kim', 'Kim Jong Un|North Korean leader'),
  entity('netanyahu', 'Netanyahu|Benjamin Netanyahu|Israeli Prime Minister'),
  entity('khamenei', 'Khamenei|Supreme Leader'),
  // Paraphrases of what happens in this story.
  synonym('allow', 'allow|allowed|permit|permission|authorize|authorization|greenlight|green light|approve|approval|let|clearance|pass|passed'),
  synonym('restriction', 'restriction|restrictions|ban|prohibition|limit|limits|curbs|constraint|barred|red line|prohibit'),
  synonym('ease', 'ease|loosen|lift|lifted|relax|remove|scrap|drop'),
  synonym('strike', 'strike|strikes|hit|attack|target|bomb|fire'),
  synonym('weapon', 'weapon|weapons|arms|munitions|armaments|weaponry'),
  synonym('urge', 'urge|pressure|press|push|call on|calls|calling|implore|appeal|plead|demand|lobby'),
  synonym('deep', 'deep|deeper|far|longer-range|long-range'),
  synonym('range', 'range|distance|reach|miles|kilometers|kilometres'),
  synonym('troops', 'troops|soldiers|forces|servicemen|personnel'),
  synonym('aid', 'aid|assistance|support|package|funding'),
  synonym('ceasefire', 'ceasefire|cease-fire|truce|armistice'),
  synonym('deal', 'deal|agreement|accord|pact'),
  synonym('talks', 'talks|meeting|summit|negotiations|meet'),
  synonym('escalation', 'escalation|escalate|escalating|provoke|provocation|retaliation|retaliate'),
  synonym('fear', 'fear|fears|concern|concerns|worry|worried|risk|afraid|reluctant'),
  synonym('decide', 'decide|decision|decided|choose|ruling'),
  synonym('plan', 'plan|plans|planning|finalizing|prepare|preparing'),
  synonym('letter', 'letter|wrote|write|statement'),
  synonym('drone', 'drone|drones|UAV|unmanned aerial vehicle|unmanned aerial vehicles'),
  synonym('invasion', 'invasion|offensive|incursion|advance|assault'),
  synonym('killed', 'killed|dead|deaths|casualties|died'),
  synonym('sanctions', 'sanctions|sanction|penalties|tariffs'),
  synonym('nuclear', 'nuclear|atomic'),
  synonym('border', 'border|cross-border|frontier'),
  synonym('decisive', 'decisive|game-changer|change the course|turn the tide|tides'),
  synonym('officials', 'officials|official|sources|aides'),
  synonym('first', 'first|initially|originally|earliest'),
  synonym('reporters', 'reporters|journalists|press|media|newsmen'),
  synonym('chair', 'chair|chairman|chairmen|chairwoman|chairs|head|heads'),
  synonym('representative', 'Rep.|representative|congressman|congresswoman|lawmaker|lawmakers|legislator'),
  synonym('longest', 'longest|furthest|farthest|maximum|max|full'),
  synonym('money', 'money|funding|funds|billion|million|dollars|cash'),
  synonym('worth', 'worth|value|valued|cost|costs|price|priced'),
  synonym('produce', 'produce|manufacture|manufactures|manufactured|make|makes|build|builds|maker|manufacturer|contractor'),
  synonym('outlet', 'outlet|outlets|newspaper|network|publication|news organization'),
  synonym('single', 'single|one|any one|sole'),
  synonym('shortage', 'shortage|short|limited|scarce|supply|stocks|stockpile|readiness'),
  synonym('territory', 'territory|soil|land|ground'),
  synonym('travel', 'travel|travelled|traveled|traveling|travelling|visit|visited|trip|journey'),
  synonym('consider', 'consider|considering|weigh|weighing|mull|mulling|thinking|contemplate|eye'),
  synonym('supply', 'supply|supplying|send|sending|provide|providing|give|giving|deliver|delivering|transfer|ship'),
  synonym('diplomat', 'diplomat|foreign minister|foreign secretary|envoy|ambassador'),
  synonym('hesitant', 'hesitant|hesitation|reluctant|reluctance|cautious|wary'),
  synonym('expert', 'expert|academic|analyst|scholar|professor|researcher'),
  synonym('describe', 'describe|described|call|called|calling|label|labelled|branded|characterize'),
  synonym('need', 'need|needs|require|requires|required|requirement'),
  synonym('meet', 'met|meet|meets|meeting|talks with'),
  synonym('vote', 'vote|votes|voted|tally|count'),
  synonym('company', 'company|companies|firm|firms|corporation|manufacturer|contractor'),
  synonym('signed', 'signed|sign|signatories|signature|co-signed'),
  synonym('allies', 'allies|ally|partners|backers|supporters|Western countries'),
  synonym('report', 'report|reported|reporting|broke|break|revealed|scoop|disclosed'),
  synonym('warn', 'warn|warned|warning|cautioned|threatened|threat'),
];
