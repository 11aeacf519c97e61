/**
 * The JSON-lines format of `newsbrief match`: one item `{id,title?,summary?,content?}` per
 * input line, one result per output line. Here, not in the CLI, because the match workers
 * (matchWorker.ts) read and write lines themselves: parsing and printing on the main thread
 * cost it as much as matching did, so a pool of workers ran no faster than one thread.
 */

/** An item's text as matching reads it: title, summary, body (any may be missing). */
export type MatchFields = readonly (string | undefined)[];

export interface LineItem {
  readonly id: unknown;
  readonly fields: MatchFields;
}

export type LineResult = { readonly ok: true; readonly item: LineItem } | { readonly ok: false; readonly reason: string };

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * One input line as an item, or why it is not one. `first`: the stream's first line, the
 * only place a byte-order mark can be (JSON.parse refuses it). Blank lines are for the caller.
 */
export function parseItemLine(line: string, first: boolean): LineResult {
  let item: Record<string, unknown> | null;
  try {
    item = JSON.parse(first ? line.replace(/^\uFEFF/, '') : line) as Record<string, unknown> | null;
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (typeof item !== 'object' || item === null || item.id === undefined || item.id === null) return { ok: false, reason: 'an item needs an "id"' };
  return { ok: true, item: { id: item.id, fields: [text(item.title), text(item.summary), text(item.content)] } };
}

/** One output line: `{"id","topics":[…]}` with `json`, else the id, a tab and the topics. */
export function resultLine(id: unknown, topics: readonly (string | number)[], json: boolean): string {
  return json ? `${JSON.stringify({ id, topics })}\n` : `${String(id)}\t${topics.join(', ')}\n`;
}

/** The message for a line that was skipped, as stderr shows it. */
export const skippedLine = (lineNumber: number, reason: string): string => `newsbrief: line ${lineNumber}: ${reason}; skipped\n`;

/** A batch of lines matched: the result lines joined, and a message per skipped line. */
export interface MatchedLines {
  readonly output: string;
  readonly skipped: readonly string[];
}

/**
 * Parses, matches and prints a batch of lines, `firstLine` being the first one's number in the
 * stream. Blank lines print nothing; a line that is not an item is named in `skipped`.
 */
export function matchLineBatch(lines: readonly string[], firstLine: number, json: boolean, topicsOf: (fields: MatchFields) => readonly (string | number)[]): MatchedLines {
  let output = '';
  const skipped: string[] = [];
  lines.forEach((line, i) => {
    const lineNumber = firstLine + i;
    if (!line.trim()) return;
    const parsed = parseItemLine(line, lineNumber === 1);
    if (parsed.ok) output += resultLine(parsed.item.id, topicsOf(parsed.item.fields), json);
    else skipped.push(skippedLine(lineNumber, parsed.reason));
  });
  return { output, skipped };
}
