import { tokenizeFields, type Tokens } from './tokenize.ts';

/** What a topic is matched against: title, summary and body (each a field: phrases stay inside one). */
export const articleTokens = (article: { title: string; summary?: string | null; body?: string | null }): Tokens =>
  tokenizeFields([article.title, article.summary, article.body]);
