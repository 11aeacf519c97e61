import matter from 'gray-matter';
import { basename } from 'node:path';
import { appError, err, ok, type AppError, type Result } from '../result.ts';
import { articleInputSchema, type ArticleInput } from '../ingest/articleInput.ts';

/**
 * A corpus file is Markdown with front matter (title, outlet, author, url, publishedAt,
 * origin) and the article body as collected; cleaning happens at ingest, like for feeds.
 */
export function parseCorpusFile(text: string, fileName: string): Result<ArticleInput, AppError> {
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text);
  } catch (error) {
    return err(appError('corpus/bad-front-matter', `${basename(fileName)}: the front matter is not valid YAML (${(error as Error).message.split('\n')[0]}).`));
  }
  const data = parsed.data as Record<string, unknown>;
  const date = data.publishedAt instanceof Date ? data.publishedAt.toISOString().slice(0, 10) : data.publishedAt;
  const origin = typeof data.origin === 'string' ? data.origin : basename(fileName);
  const candidate = {
    title: data.title,
    outlet: data.outlet,
    author: data.author,
    url: data.url,
    publishedAt: date === undefined ? undefined : String(date),
    origin,
    // A stable key so an edited corpus file updates its article instead of adding another.
    guid: `corpus:${origin}`,
    text: parsed.content,
  };
  const checked = articleInputSchema.safeParse(stripUndefined(candidate));
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    return err(appError('corpus/bad-field', `${basename(fileName)}: ${issue.path.join('.') || 'file'} — ${issue.message}.`));
  }
  return ok(checked.data);
}

const stripUndefined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));
