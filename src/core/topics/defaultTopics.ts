import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { appError, err, ok, type AppError, type Result } from '../result.ts';
import { parseQuery } from './queryParser.ts';
import { TOPIC_ID } from './topicRecord.ts';

/** The bundled default topics, relative to the project root. */
export const DEFAULT_TOPICS_FILE = new URL('../../../data/topics.json', import.meta.url);

export interface TopicDefinition {
  readonly id: string;
  readonly name: string;
  readonly query: string;
}

const definitions = z.array(
  z.object({
    id: z.string().regex(TOPIC_ID, 'a topic id is 1–64 lower-case letters, digits, "-" or "_"'),
    name: z.string().trim().min(1).optional(),
    query: z.string().min(1),
    note: z.string().optional(),
  }),
);

/**
 * Reads a topics file — `[{id, name?, query}]`, the format of data/topics.json and of
 * `newsbrief match --topics` — and parses every query. A bad entry is reported with its id
 * and the parser's message (which says at which column), not thrown.
 */
export function parseTopicsFile(text: string, source: string): { topics: TopicDefinition[]; errors: AppError[] } {
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
    const query = parseQuery(entry.query);
    if (!query.ok) errors.push({ ...query.error, message: `${source}: topic "${entry.id}": ${query.error.message}` });
    else if (seen.has(entry.id)) errors.push(appError('topics/duplicate-id', `${source}: topic "${entry.id}" appears twice; the first one is used.`));
    else topics.push({ id: entry.id, name: entry.name ?? entry.id, query: entry.query });
    seen.add(entry.id);
  }
  return { topics, errors };
}

export function loadTopicsFile(path: string | URL): Result<{ topics: TopicDefinition[]; errors: AppError[] }, AppError> {
  const shown = path instanceof URL ? path.pathname : path;
  if (!existsSync(path)) return err(appError('topics/no-file', `${shown}: no such file.`));
  try {
    return ok(parseTopicsFile(readFileSync(path, 'utf8'), shown));
  } catch (error) {
    return err(appError('topics/unreadable', `${shown}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'}).`));
  }
}
