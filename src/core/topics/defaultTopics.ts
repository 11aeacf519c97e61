import { existsSync, readFileSync } from 'node:fs';
import { appError, err, ok, type AppError, type Result } from '../result.ts';
import { parseQuery } from './queryParser.ts';
import { TOPIC_ID } from './topicRecord.ts';

/** The bundled default topics, relative to the project root. */
export const DEFAULT_TOPICS_FILE = new URL('../../../data/topics.json', import.meta.url);

export interface TopicDefinition {
  readonly id: string;
  /** The id as the file wrote it (a number stays a number in `match` output). */
  readonly rawId: string | number;
  readonly name: string;
  readonly query: string;
}

/** A file's topics, and each entry that was skipped, named by position and id. */
export interface TopicsFile {
  readonly topics: TopicDefinition[];
  readonly errors: AppError[];
}

const EXPECTED = 'Expected [{"id","query"}].';

/**
 * Reads a topics file — `[{id, name?, query}]`, the format of data/topics.json and of
 * `newsbrief match --topics` — and parses every query. A file that is not a JSON array is an
 * error; a bad entry is reported with its position, id and reason (the parser's message says at
 * which column) and skipped, so one typo does not lose the other topics. Callers decide whether
 * a skipped entry is fatal (`match` refuses the file; the defaults are logged). `strictIds` (the
 * defaults, which channels address by name) also requires ids people can type: 1–64 of a-z 0-9 - _.
 */
export function parseTopicsFile(text: string, source: string, strictIds = true): Result<TopicsFile, AppError> {
  let json: unknown;
  try {
    // Editors on Windows save UTF-8 with a BOM; JSON.parse refuses it.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return err(appError('topics/bad-file', `${source}: not JSON (${(error as Error).message}). ${EXPECTED}`));
  }
  if (!Array.isArray(json)) return err(appError('topics/bad-file', `${source}: the file must be a JSON array of topics, not ${describe(json)}. ${EXPECTED}`));
  const topics: TopicDefinition[] = [];
  const errors: AppError[] = [];
  const seen = new Set<string>();
  json.forEach((entry: unknown, index) => {
    const checked = checkEntry(entry, strictIds, seen);
    if (checked.ok) topics.push(checked.value);
    else errors.push({ ...checked.error, message: `${source}: entry ${index + 1}${idOf(entry)}: ${checked.error.message}` });
  });
  return ok({ topics, errors });
}

/** One entry: an object with an id (string or number), a query that parses, an optional name. */
function checkEntry(entry: unknown, strictIds: boolean, seen: Set<string>): Result<TopicDefinition, AppError> {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return err(appError('topics/bad-entry', `must be an object {"id","query"}, not ${describe(entry)}.`));
  const { id: rawId, name, query } = entry as Record<string, unknown>;
  if (!((typeof rawId === 'string' && rawId.trim() !== '') || (typeof rawId === 'number' && Number.isFinite(rawId)))) return err(appError('topics/bad-entry', 'needs an "id": a non-empty string or a number.'));
  if (typeof query !== 'string') return err(appError('topics/bad-entry', 'needs a "query" string.'));
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) return err(appError('topics/bad-entry', '"name", when given, must be a non-empty string.'));
  const id = String(rawId);
  if (strictIds && !TOPIC_ID.test(id)) return err(appError('topics/bad-id', 'an id is 1–64 lower-case letters, digits, "-" or "_".'));
  const parsed = parseQuery(query);
  if (!parsed.ok) return err(parsed.error);
  if (seen.has(id)) return err(appError('topics/duplicate-id', 'this id appears twice; the first one is used.'));
  seen.add(id);
  return ok({ id, rawId, name: typeof name === 'string' ? name.trim() : id, query });
}

const idOf = (entry: unknown): string => {
  const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? ` (topic "${String(id).slice(0, 64)}")` : '';
};

const describe = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`);

export function loadTopicsFile(path: string | URL, strictIds = true): Result<TopicsFile, AppError> {
  const shown = path instanceof URL ? path.pathname : path;
  if (!existsSync(path)) return err(appError('topics/no-file', `${shown}: no such file.`));
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return err(appError('topics/unreadable', `${shown}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'}).`));
  }
  return parseTopicsFile(text, shown, strictIds);
}
