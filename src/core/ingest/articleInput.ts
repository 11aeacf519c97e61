import { z } from 'zod';

/** What any source hands the core: a corpus file, a CLI JSON line, a feed item. */
export const articleInputSchema = z.object({
  title: z.string().trim().max(1000).optional(),
  text: z.string().max(2_000_000),
  url: z.string().url().max(2048).optional(),
  outlet: z.string().trim().max(200).optional(),
  author: z.string().trim().max(300).optional(),
  guid: z.string().max(2048).optional(),
  summary: z.string().max(20_000).optional(),
  publishedAt: z.string().optional(),
  origin: z.string().max(2048).optional(),
  feedId: z.number().int().optional(),
});

export type ArticleInput = z.infer<typeof articleInputSchema>;
