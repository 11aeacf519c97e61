import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { CoreEvents } from '../events.ts';
import { UserFacingError } from '../result.ts';
import type { ArticleStore } from '../store/articleStore.ts';
import type { Db } from '../store/database.ts';
import { ClaimExtractor } from './claimExtractor.ts';
import { loadPolicies, type PolicyDefinition } from './policyDefinition.ts';
import { PolicyService } from './policyService.ts';
import { PolicyStore } from './policyStore.ts';
import { PolicyTracker } from './policyTracker.ts';

/** Policy tracking wired for createCore: the service (`core.policies`) and its ingest stage. */
export function createPolicies(
  db: Db,
  articles: ArticleStore,
  clock: Clock,
  events: CoreEvents,
  logger: Logger,
  definitions?: readonly PolicyDefinition[],
): { service: PolicyService; stage: PolicyTracker } {
  const extractor = new ClaimExtractor(definitions ?? loadDefaultPolicies());
  const store = new PolicyStore(db);
  return {
    service: new PolicyService(store, extractor, clock),
    stage: new PolicyTracker(store, extractor, articles, clock, events, logger),
  };
}

/** A broken data/policies.json stops start-up with the reason, like a bad .env. */
export function loadDefaultPolicies(): PolicyDefinition[] {
  const loaded = loadPolicies();
  if (!loaded.ok) throw new UserFacingError(loaded.error.code, loaded.error.message);
  return loaded.value;
}
