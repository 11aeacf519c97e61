import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArticleFile } from '../../src/core/corpus/articleFile.ts';
import { seedCorpus } from '../../src/core/corpus/seedCorpus.ts';
import { createCore } from '../../src/core/core.ts';
import { extractArticleClaims } from '../../src/core/policy/articleAnalysis.ts';
import { ClaimExtractor } from '../../src/core/policy/claimExtractor.ts';
import { loadDefaultPolicies } from '../../src/core/policy/createPolicies.ts';
import type { PolicyFacts } from '../../src/core/policy/policyTracker.ts';
import { cleanText } from '../../src/core/text/cleanText.ts';
import { splitParagraphs } from '../../src/core/text/sentences.ts';
import { generateCorpus } from '../corpusGenerator.ts';
import type { Suite } from './index.ts';

const NEWS = new URL('../../../shared/fixtures/news/', import.meta.url).pathname;

const prepare = (article: { title?: string; text: string }) => ({
  title: article.title,
  sentences: splitParagraphs(cleanText(article.text, { title: article.title }).paragraphs).map((s, position) => ({ text: s.text, position })),
});

/**
 * Policy tracking's cost inside ingest: claim extraction over general news (most sentences
 * stop at the cheap gates), over the policy story itself (most sentences are parsed), and the
 * whole replay of the news fixtures with seeding, state machine and alerts.
 */
export const policy: Suite = async ({ articles: count }) => {
  const extractor = new ClaimExtractor(loadDefaultPolicies());
  const general = generateCorpus(Math.min(count, 5_000)).articles.map(prepare);
  const generalRate = rate(extractor, general);
  const files = existsSync(NEWS) ? readdirSync(NEWS).filter((f) => f.endsWith('.txt')).sort() : [];
  const story = files.flatMap((f) => parseArticleFile(readFileSync(join(NEWS, f), 'utf8'), f).articles);
  const storyRate = story.length > 0 ? rate(extractor, story.map(prepare)) : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-policy-'));
  try {
    const core = createCore({ dbPath: join(dir, 'replay.db') });
    const started = performance.now();
    seedCorpus(core);
    const reports = story.map((article) => core.ingestor.ingest(article) as unknown as PolicyFacts);
    const replayMs = performance.now() - started;
    core.close();
    return {
      generalArticles: general.length,
      generalSentencesPerSec: generalRate.sentencesPerSec,
      generalArticlesPerSec: generalRate.articlesPerSec,
      storyArticles: story.length,
      storySentencesPerSec: storyRate?.sentencesPerSec ?? null,
      storyClaims: storyRate?.claims ?? null,
      replayMs: Math.round(replayMs),
      replayAlertsCreated: reports.filter((r) => r.alerts?.some((a) => a.kind === 'created')).length,
      replayAlertsUpdated: reports.filter((r) => r.alerts?.some((a) => a.kind === 'corroborated')).length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

function rate(extractor: ClaimExtractor, articles: ReturnType<typeof prepare>[]) {
  const sentences = articles.reduce((sum, a) => sum + a.sentences.length, 0);
  const started = performance.now();
  let claims = 0;
  for (const article of articles) claims += extractArticleClaims(extractor, article).length;
  const seconds = (performance.now() - started) / 1000;
  return { sentencesPerSec: Math.round(sentences / seconds), articlesPerSec: Math.round(articles.length / seconds), claims };
}
