import type { PreparedText } from '../ingest/ingestor.ts';
import { extractArticleClaims, type PlacedClaim } from './articleAnalysis.ts';
import { ClaimExtractor } from './claimExtractor.ts';
import type { PolicyDefinition } from './policyDefinition.ts';

/**
 * The policy stage's StagePreparation: claim extraction is pure (sentences in, claims out) and
 * a fifth of the main thread's time per article, so bulk imports run it in their workers.
 */
export function prepareForIngest(definitions: readonly PolicyDefinition[]): (text: PreparedText) => PlacedClaim[] {
  const extractor = new ClaimExtractor(definitions);
  return (text) => extractArticleClaims(extractor, text);
}
