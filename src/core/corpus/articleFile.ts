import { appError, err, ok, type AppError, type Result } from '../result.ts';
import { articleInputSchema, type ArticleInput } from '../ingest/articleInput.ts';
import { parseCorpusFile } from './corpusFile.ts';

/**
 * Reads whatever `newsbrief ingest` is given: Markdown with front matter, JSON (one object
 * or an array), JSON lines, or plain text with optional `key: value` header lines ended by
 * `---` (the shape of the news fixtures). Each bad record is an error value, not a crash.
 */
export interface ParsedFile {
  readonly articles: ArticleInput[];
  readonly errors: AppError[];
}

export function parseArticleFile(text: string, name: string): ParsedFile {
  const unmarked = text.replace(/^\uFEFF/, '');
  const trimmed = unmarked.trim();
  if (!trimmed) return { articles: [], errors: [appError('ingest/empty', `${name}: the file is empty.`)] };
  if (trimmed.startsWith('---')) return single(parseCorpusFile(trimmed, name));
  // Lines the trim took off the top still count when a bad JSON line is named by its number.
  const blankLinesAbove = (/^\s*/.exec(unmarked)![0].match(/\n/g) ?? []).length;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJson(trimmed, name, blankLinesAbove);
  return single(parsePlainText(trimmed, name));
}

const single = (result: Result<ArticleInput, AppError>): ParsedFile =>
  result.ok ? { articles: [result.value], errors: [] } : { articles: [], errors: [result.error] };

function parseJson(text: string, name: string, blankLinesAbove: number): ParsedFile {
  let records: unknown[];
  try {
    const whole = JSON.parse(text) as unknown;
    records = Array.isArray(whole) ? whole : [whole];
  } catch {
    // Not one JSON document: JSON lines, one record per line.
    const parsed = text
      .split(/\n/)
      .map((line, i) => ({ line, number: blankLinesAbove + i + 1 }))
      .filter(({ line }) => line.trim())
      .map(({ line, number }) => parseLine(line, `${name}:${number}`));
    return {
      articles: parsed.flatMap((p) => (p.ok ? [p.value] : [])),
      errors: parsed.flatMap((p) => (p.ok ? [] : [p.error])),
    };
  }
  const results = records.map((record, i) => validate(record, `${name}[${i}]`));
  return {
    articles: results.flatMap((r) => (r.ok ? [r.value] : [])),
    errors: results.flatMap((r) => (r.ok ? [] : [r.error])),
  };
}

/**
 * JSON lines as they are read, for a file too big to hold whole (and then again as articles):
 * batches of up to `size` valid articles; each bad line goes to `errors`, named by its number,
 * as parseArticleFile names it.
 */
export async function* jsonLineBatches(lines: AsyncIterable<string>, name: string, size: number, errors: AppError[]): AsyncGenerator<ArticleInput[]> {
  let batch: ArticleInput[] = [];
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (!line.trim()) continue;
    const parsed = parseLine(number === 1 ? line.replace(/^\uFEFF/, '') : line, `${name}:${number}`);
    if (parsed.ok) batch.push(parsed.value);
    else errors.push(parsed.error);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function parseLine(line: string, where: string): Result<ArticleInput, AppError> {
  try {
    return validate(JSON.parse(line), where);
  } catch {
    return err(appError('ingest/bad-json', `${where}: not valid JSON.`));
  }
}

function validate(record: unknown, where: string): Result<ArticleInput, AppError> {
  const checked = articleInputSchema.safeParse(record);
  if (checked.success) return ok(checked.data);
  const issue = checked.error.issues[0]!;
  return err(appError('ingest/bad-record', `${where}: ${issue.path.join('.') || 'record'} — ${issue.message}.`));
}

const HEADER = /^(url|date|title|outlet|author|published|publishedAt|source):\s*(.*)$/i;

function parsePlainText(text: string, name: string): Result<ArticleInput, AppError> {
  const lines = text.split(/\r?\n/);
  const separator = lines.findIndex((l) => l.trim() === '---');
  const header: Record<string, string> = {};
  if (separator > 0 && lines.slice(0, separator).every((l) => !l.trim() || HEADER.test(l.trim()) || /^[\w_]+:/.test(l))) {
    for (const line of lines.slice(0, separator)) {
      const match = HEADER.exec(line.trim());
      if (match) header[match[1]!.toLowerCase()] = match[2]!.trim();
    }
  }
  const body = separator > 0 && Object.keys(header).length > 0 ? lines.slice(separator + 1).join('\n') : text;
  const url = header.url && /^https?:\/\//.test(header.url) ? header.url : undefined;
  return validate(
    {
      text: body,
      ...(header.title ? { title: header.title } : {}),
      ...(url ? { url, outlet: outletFromUrl(url) } : {}),
      ...(header.outlet ? { outlet: header.outlet } : {}),
      ...(header.author ? { author: header.author } : {}),
      ...(header.date || header.published || header.publishedat ? { publishedAt: header.date ?? header.published ?? header.publishedat } : {}),
      origin: name,
    },
    name,
  );
}

const KNOWN_OUTLETS: Readonly<Record<string, string>> = {
  'cnn.com': 'CNN', 'usatoday.com': 'USA Today', 'foxnews.com': 'Fox News', 'nbcnews.com': 'NBC News',
  'reuters.com': 'Reuters', 'apnews.com': 'AP', 'bbc.co.uk': 'BBC', 'bbc.com': 'BBC', 'politico.com': 'Politico',
  'nytimes.com': 'The New York Times', 'washingtonpost.com': 'The Washington Post', 'theguardian.com': 'The Guardian',
  'aljazeera.com': 'Al Jazeera', 'kyivindependent.com': 'The Kyiv Independent', 'defensenews.com': 'Defense News',
};

/** "https://www.usatoday.com/story/…" → "USA Today"; unknown hosts give the bare domain. */
export function outletFromUrl(url: string): string | undefined {
  try {
    const host = new URL(url).hostname.replace(/^www\.|^edition\.|^amp\./, '');
    return KNOWN_OUTLETS[host] ?? host;
  } catch {
    return undefined;
  }
}
