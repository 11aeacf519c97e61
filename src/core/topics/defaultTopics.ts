import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
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

const definitions = z.array(
  z.object({
    id: z.union([z.string().min(1), z.number()]),
    name: z.string().trim().min(1).optional(),
    query: z.string(),
    note: z.string().optional(),
  }),
);

/**
 * Reads a topics file — `[{id, name?, query}]`, the format of data/topics.json and of
 * `newsbrief match --topics` — and parses every query. A bad entry is reported with its id
 * and the parser's message (which says at which column), not thrown. `strictIds` (the defaults,
 * which channels address by name) also requires ids people can type: 1–64 of a-z 0-9 - _.
 */
export function parseTopicsFile(text: string, source: string, strictIds = true): { topics: TopicDefinition[]; errors: AppError[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { topics: [], errors: [appError('topics/bad-file', `${source}: not JSON (${(error as Error).message}).`)] };
  }
  const parsed = definitions.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { topics: [], errors: [appError('topics/bad-file', `${source}: ${issue.path.join('.') || 'the file'}: ${issue.message}. Expected [{"id","query"}].`)] };
  }
  const topics: TopicDefinition[] = [];
  const errors: AppError[] = [];
  const seen = new Set<string>();
  for (const entry of parsed.data) {
    const id = String(entry.id);
    const query = parseQuery(entry.query);
    if (strictIds && !TOPIC_ID.test(id)) errors.push(appError('topics/bad-id', `${source}: topic "${id.slice(0, 64)}": an id is 1–64 lower-case letters, digits, "-" or "_".`));
    else if (!query.ok) errors.push({ ...query.error, message: `${source}: topic "${id}": ${query.error.message}` });
    else if (seen.has(id)) errors.push(appError('topics/duplicate-id', `${source}: topic "${id}" appears twice; the first one is used.`));
    else topics.push({ id, rawId: entry.id, name: entry.name ?? id, query: entry.query });
    seen.add(id);
  }
  return { topics, errors };
}

export function loadTopicsFile(path: string | URL, strictIds = true): Result<{ topics: TopicDefinition[]; errors: AppError[] }, AppError> {
  const shown = path instanceof URL ? path.pathname : path;
  if (!existsSync(path)) return err(appError('topics/no-file', `${shown}: no such file.`));
  try {
    return ok(parseTopicsFile(readFileSync(path, 'utf8'), shown, strictIds));
  } catch (error) {
    return err(appError('topics/unreadable', `${shown}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'}).`));
  }
}
