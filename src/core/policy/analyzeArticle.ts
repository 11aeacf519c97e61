import { cleanText } from '../text/cleanText.ts';
import { splitParagraphs } from '../text/sentences.ts';
import { extractArticleClaims, summarize, type ArticleAnalysis } from './articleAnalysis.ts';
import type { ClaimExtractor } from './claimExtractor.ts';

/** One article through the same cleaning and sentence splitting as ingest, nothing stored. */
export function analyzeArticle(extractor: ClaimExtractor, article: { title?: string; text: string }): ArticleAnalysis {
  const cleaned = cleanText(article.text, { title: article.title });
  const sentences = splitParagraphs(cleaned.paragraphs).map((s, position) => ({ text: s.text, position }));
  return summarize(extractArticleClaims(extractor, { title: article.title, sentences }));
}
