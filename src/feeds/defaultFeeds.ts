import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const DEFAULT_FEEDS_FILE = fileURLToPath(new URL('../../data/feeds.json', import.meta.url));

const feedListSchema = z.object({
  feeds: z.array(z.object({ url: z.string().url(), title: z.string().optional(), topic: z.string().optional() })),
});

export type DefaultFeed = z.infer<typeof feedListSchema>['feeds'][number];

/** data/feeds.json: the feeds a new database starts with. */
export function loadDefaultFeeds(path = DEFAULT_FEEDS_FILE): DefaultFeed[] {
  return feedListSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).feeds;
}
