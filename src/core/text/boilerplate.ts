/**
 * Line-level rules for the boilerplate that scraped and syndicated news carries. Each rule
 * names what it removes, so a test can show that kind of line gone and real sentences kept.
 * They look at whole lines (paragraphs), never inside a sentence, so quotations survive.
 */
export interface BoilerplateRule {
  readonly name: string;
  readonly matches: (line: string, context: LineContext) => boolean;
  /**
   * The rule judges a line by its shape alone (short, capitalised, the headline again): it tells
   * a heading from the prose around it, so it does not apply to a text that is all such lines —
   * a title-only feed item or a one-line brief is the news itself (cleanText.ts).
   */
  readonly byShape?: true;
}

export interface LineContext {
  readonly index: number;
  readonly lines: readonly string[];
  readonly title?: string | undefined;
}

const AGENCY_NAMES = 'Getty Images|Getty|Reuters|REUTERS|AP|AFP|EPA|EPA-EFE|Bloomberg|Shutterstock|Sipa|Anadolu|Pool|NurPhoto|SOPA|Xinhua|TASS|Sputnik|File';
const AGENCY = new RegExp(`\\b(${AGENCY_NAMES})\\b`);
/** Only agency names and separators ("Getty Images", "AP Photo/File"); checked on lines of ≤ 60 characters. */
const BARE_CREDIT = new RegExp(`^(?:\\(?(?:${AGENCY_NAMES})(?: Images| Photos?| via)*\\)?[\\s/·|,-]*)+$`);

/** The last character that is not white space ('' for a blank line): what `…\s*$` patterns test. */
const lastCharacter = (line: string): string => line.trimEnd().slice(-1);

/** "(Kostiantyn Liberov / Getty Images)" at the end of a line marks a photo caption. */
const endsWithCredit = (line: string): boolean => {
  // Checked first: every line is tried, and scanning it for a parenthesis is the costly part.
  if (lastCharacter(line) !== ')') return false;
  const match = /\(([^()]{2,120})\)\s*$/.exec(line);
  return match !== null && AGENCY.test(match[1]!) && /[/·|-]|via|File/.test(match[1]!);
};

const words = (line: string): string[] => line.split(/\s+/).filter(Boolean);

const TERMINAL_PUNCTUATION = new Set('.!?:;"”’…)');
const hasTerminalPunctuation = (line: string): boolean => TERMINAL_PUNCTUATION.has(lastCharacter(line));

const isAllCaps = (line: string): boolean => {
  // Cheap exits first: almost every line has a lowercase letter or is long prose.
  if (/[a-z]/.test(line) || line.length > 200) return false;
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 8 && letters === letters.toUpperCase() && words(line).length >= 3;
};

/** Headline-style: most words capitalised and no closing punctuation. */
const isTitleCase = (line: string): boolean => {
  if (line.length > 200 || hasTerminalPunctuation(line)) return false;
  const ws = words(line).filter((w) => /^\p{L}/u.test(w));
  if (ws.length < 4 || hasTerminalPunctuation(line)) return false;
  const capitalised = ws.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / ws.length >= 0.75;
};

const normalise = (text: string): string =>
  text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * normalise(line) === title, without normalising most lines: a line that starts with an ASCII
 * letter or digit starts its normalised form with that character in lower case.
 */
const repeatsTitle = (line: string, title: string): boolean => {
  if (/^[A-Za-z0-9]/.test(line) && line[0]!.toLowerCase() !== title[0]) return false;
  return normalise(line) === title;
};

/** The title normalised once per article, not once per line (the rule sees every line). */
let lastTitle: { readonly title: string; readonly normalised: string } | undefined;
const normalisedTitle = (title: string): string => {
  if (lastTitle?.title !== title) lastTitle = { title, normalised: normalise(title) };
  return lastTitle.normalised;
};

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  { name: 'photo caption with agency credit', matches: (line) => endsWithCredit(line) },
  // "Getty Images" or "AP Photo/File" alone on a line: a credit whose caption was lost.
  { name: 'bare photo credit', matches: (line) => line.length <= 60 && BARE_CREDIT.test(line.trim()) },
  {
    name: 'caption heading before a photo caption',
    matches: (line, { index, lines }) =>
      line.length <= 100 &&
      !hasTerminalPunctuation(line) &&
      words(line).length <= 8 &&
      lines[index + 1] !== undefined &&
      endsWithCredit(lines[index + 1]!),
  },
  { name: 'video embed placeholder', matches: (line) => /^(YouTube|Vimeo|Video|Audio) player$/i.test(line.trim()) },
  { name: 'stray format placeholder', matches: (line) => /^%[a-z]$/i.test(line.trim()) },
  {
    name: 'app promotion',
    matches: (line) => /^(click here|download|get) (to get )?(the )?[\w\s]{0,30}\bapp\b/i.test(line.trim()),
  },
  { name: 'all-caps related-story line', matches: (line) => isAllCaps(line), byShape: true },
  {
    name: 'editorial preface signed with initials',
    matches: (line) => lastCharacter(line) === ')' && /\(\s*[a-z]{1,4}\s*\)\s*$/.test(line) && words(line).length >= 12,
  },
  {
    name: 'republishing note',
    matches: (line) => /^this (article|story) (was )?(originally|first) (published|appeared)/i.test(line.trim()),
  },
  { name: 'date line', matches: (line) => /^\s*date\s+\d{4}-\d{2}-\d{2}\b/i.test(line) },
  {
    name: 'byline',
    matches: (line) => line.length < 120 && /^\s*(?:date\s+\S+\s+)?by\s+[\p{Lu}][\p{L}.'’ -]+(,\s*[\p{L} ]+)?$/iu.test(line) && words(line).length <= 8,
  },
  {
    name: 'headline repeated in the body',
    matches: (line, { title }) => title !== undefined && repeatsTitle(line, normalisedTitle(title)),
    byShape: true,
  },
  { name: 'headline-style line', matches: (line) => isTitleCase(line), byShape: true },
  { name: 'dateline fragment', matches: (line) => /^[\s—–-]*$/.test(line) || /^\(?[A-Z]{2,6}\)?$/.test(line.trim()) },
  { name: 'breaking-story note', matches: (line) => /^this (story|article) is (breaking|developing)/i.test(line.trim()) },
  {
    name: 'short heading without punctuation',
    matches: (line) => line.length < 80 && !hasTerminalPunctuation(line) && words(line).length < 6,
    byShape: true,
  },
];

/** "(CNN) — Pressure is…" / "KYIV, Ukraine (AP) — …": the dateline prefix, not part of the sentence. */
export const DATELINE_PREFIX = /^(?:[\p{Lu}][\p{L}.,' ]{0,40}\s)?\((?:CNN|AP|Reuters|AFP|NBC News|CNBC)\)\s*[—–-]\s*/u;
