import { BOILERPLATE_RULES, DATELINE_PREFIX, type BoilerplateRule } from './boilerplate.ts';

export interface CleanResult {
  /** Paragraphs of real text, in order. */
  readonly paragraphs: string[];
  /** What was removed and why, for tests and `--verbose` ingest. */
  readonly removed: { readonly rule: string; readonly line: string }[];
}

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…',
};

/** Decodes the HTML entities feeds leave in text; unknown named entities stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** Anything the replacements below would change, bar leading and trailing spaces. */
const NEEDS_NORMALISING = /[^\x20-\x7e]| {2}/;

/** Unicode NFC, no control or zero-width characters, single spaces. */
export function normaliseWhitespace(text: string): string {
  // Most lines are printable ASCII with single spaces: one scan instead of four.
  if (!NEEDS_NORMALISING.test(text)) return text.trim();
  // NFC only when needed: most text is ASCII or already composed, and normalize() is costly.
  const composed = /[\u0300-\u036f\u1100-\u11ff\uac00-\ud7a3]/.test(text) ? text.normalize('NFC') : text;
  return composed
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .trim();
}

/** The rules that still apply to a text every line of which only the shape rules removed. */
const CONTENT_RULES = BOILERPLATE_RULES.filter((rule) => !rule.byShape);
const SHAPE_RULE_NAMES = new Set(BOILERPLATE_RULES.filter((rule) => rule.byShape).map((rule) => rule.name));

/**
 * Turns an article body as collected (or a feed item's text) into clean paragraphs:
 * boilerplate lines go, every real sentence and quotation stays exactly as written. When the
 * rules would leave nothing, the text is cleaned again without the rules that judge lines by
 * their shape: "Pentagon approves ATACMS use inside Russia" alone is a headline-only item or a
 * brief, and must reach matching, digests and alerts, not be dropped as empty.
 */
export function cleanText(raw: string, options: { title?: string | undefined } = {}): CleanResult {
  const lines = decodeEntities(raw.replace(/\r\n?/g, '\n'))
    .split(/\n/)
    .map(normaliseWhitespace)
    .filter((line) => line.length > 0);
  const cleaned = cleanLines(lines, BOILERPLATE_RULES, options.title);
  if (cleaned.paragraphs.length > 0 || !cleaned.removed.some(({ rule }) => SHAPE_RULE_NAMES.has(rule))) return cleaned;
  return cleanLines(lines, CONTENT_RULES, options.title);
}

function cleanLines(lines: readonly string[], rules: readonly BoilerplateRule[], title: string | undefined): CleanResult {
  const removed: CleanResult['removed'] = [];
  const paragraphs: string[] = [];
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const rule = rules.find((r) => r.matches(line, { index, lines, title }));
    if (rule) {
      removed.push({ rule: rule.name, line });
      return;
    }
    const text = line.replace(DATELINE_PREFIX, '');
    if (seen.has(text)) {
      removed.push({ rule: 'repeated paragraph', line });
      return;
    }
    seen.add(text);
    paragraphs.push(text);
  });
  return { paragraphs, removed };
}
