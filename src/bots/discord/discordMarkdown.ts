import type { Source } from '../../core/reply.ts';

/** Characters with a meaning anywhere in a line: emphasis, code, spoilers, masked links, mentions. */
const INLINE = /[\\*_~`|[\]<]/g;
/** Line starts that make a heading, quote, list or subtext ("# ", "> ", "- ", "1. ", "-# "). */
const LINE_START = /^(\s*)(#|>|-|\+|\d+\.)/gm;
/** Bare links stay clickable: escaping an underscore inside one would change the address. */
const BARE_URL = /(https?:\/\/[^\s<>]+)/;

/**
 * Reply text is plain; Discord reads Markdown. Escape everything article text could use to
 * restyle or disguise itself: emphasis, headings, lists, masked links ("[bbc.com](https://evil.example)")
 * and mention syntax ("<@&123>" would show as a role).
 *
 * Not discord.js's escapeMarkdown: its italic rule has an unbounded look-behind, so it is
 * quadratic in the length of a line (measured: 8,000 characters without a newline took over a
 * second). This is one linear pass per piece of text.
 */
export function escapeText(text: string): string {
  return text
    .split(BARE_URL)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(INLINE, '\\$&').replace(LINE_START, escapeLineStart)))
    .join('');
}

/** "1." → "1\." (a backslash before a digit would show); "#" → "\#". */
function escapeLineStart(_: string, indent: string, marker: string): string {
  return /\d/.test(marker) ? `${indent}${marker.slice(0, -1)}\\.` : `${indent}\\${marker}`;
}

/** Only http(s) links become clickable; `(`, `)` and spaces would end the Markdown link. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  try {
    return new URL(url).href.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  } catch {
    return undefined;
  }
}

/** "[Reuters — US lifts ban](https://…) · 2024-11-17": outlet first, as people cite. */
export function sourceLink(source: Source): string {
  const label = [source.outlet ?? 'unknown outlet', source.title].filter(Boolean).join(' — ').slice(0, 200);
  const url = safeUrl(source.url);
  const date = source.publishedAt ? ` · ${source.publishedAt.slice(0, 10)}` : '';
  return `${url ? `[${escapeText(label)}](${url})` : escapeText(label)}${date}`;
}

/** Cuts to at most `max` characters with an ellipsis, never inside a surrogate pair or after a lone escape. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${safeCut(text, max - 1)}…`;
}

function safeCut(text: string, at: number): string {
  let cut = text.slice(0, at);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  // An odd run of trailing backslashes would escape whatever follows the cut.
  const slashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  return slashes % 2 === 1 ? cut.slice(0, -1) : cut;
}

/**
 * Splits text into pieces of at most `max` characters, preferring paragraph, then line, then
 * word boundaries, so a long digest breaks where a reader would expect.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const at = [window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' ')].find((i) => i > max / 2);
    const piece = at === undefined ? safeCut(rest, max) : rest.slice(0, at);
    pieces.push(piece);
    rest = rest.slice(piece.length).replace(/^\s+/, '');
  }
  if (rest) pieces.push(rest);
  return pieces;
}
