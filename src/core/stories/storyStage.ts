import type { Clock } from '../clock.ts';
import type { IngestStage } from '../ingest/ingestor.ts';
import type { Article } from '../store/articleStore.ts';
import { signature, similarity } from './minHash.ts';
import type { StoryStore } from './storyStore.ts';

/** Estimated Jaccard over 3-word shingles at which two articles are one story. */
export const SAME_STORY_SIMILARITY = 0.5;
const MAX_CANDIDATES = 50;

export type StoryFacts = {
  /** The most similar earlier article, when this one is a near-duplicate of it. */
  readonly duplicateOf: number | null;
  readonly storyId: number;
  readonly similarity: number | null;
};

/**
 * Ingest stage that links near-duplicates (wire copies, syndication, the same item in RSS and
 * Atom) to one story and sets `articles.story_id`; the digest groups by it. An updated
 * article keeps its story, so a headline edit does not split a story.
 */
export function storyStage(stories: StoryStore, clock: Clock): IngestStage {
  return {
    name: 'stories',
    run(article: Article, { status, signature: prepared }): Record<string, unknown> {
      // A new article has a fresh id, so only an updated one can have a signature already.
      const existing = status === 'updated' ? stories.signatureOf(article.id) : undefined;
      const sig = prepared ?? signature(`${article.title}\n${article.body}`);
      if (existing) {
        stories.save(article.id, existing.storyId, sig);
        return { storyId: existing.storyId } satisfies Partial<StoryFacts>;
      }
      return assign(stories, clock, article, sig);
    },
  };
}

function assign(stories: StoryStore, clock: Clock, article: Article, sig: Uint32Array): StoryFacts {
  let best: { articleId: number; storyId: number; score: number } | undefined;
  for (const candidate of stories.candidates(sig, MAX_CANDIDATES)) {
    if (candidate.articleId === article.id) continue;
    const score = similarity(sig, candidate.signature);
    if (score >= SAME_STORY_SIMILARITY && (!best || score > best.score)) {
      best = { articleId: candidate.articleId, storyId: candidate.storyId, score };
    }
  }
  const storyId = best?.storyId ?? stories.createStory(article.id, clock.now().toISOString());
  stories.save(article.id, storyId, sig, { fresh: true });
  return { duplicateOf: best?.articleId ?? null, storyId, similarity: best ? best.score : null };
}
