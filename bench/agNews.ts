import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** AG News (test split) beside the project, when present: real headlines and ledes. */
export const AG_NEWS_CSV = resolve(import.meta.dirname, '../../shared/fixtures/datasets/ag_news/test.csv');

export interface AgNewsItem {
  readonly label: number; // 1 World, 2 Sports, 3 Business, 4 Sci/Tech
  readonly title: string;
  readonly description: string;
}

/** The rows, or null when the dataset is absent (callers then generate text and say so). */
export function loadAgNews(path = AG_NEWS_CSV): AgNewsItem[] | null {
  if (!existsSync(path)) return null;
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
  return rows.map((row) => ({
    label: Number(row.label),
    title: (row.title ?? '').trim(),
    // AG News escapes line breaks as a literal backslash.
    description: (row.description ?? '').replace(/\\/g, ' ').replace(/\s+/g, ' ').trim(),
  }));
}
