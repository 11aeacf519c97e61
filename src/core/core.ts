import type { Logger } from 'pino';
import { AnswerService } from './answer/answerService.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config/config.ts';
import { ChannelSettingsStore } from './channelSettings/channelSettingsStore.ts';
import { CoreEvents } from './events.ts';
import { createFeedRegistry } from './feedRegistry/createFeedRegistry.ts';
import type { FeedRegistry } from './feedRegistry/feedRegistry.ts';
import { Ingestor } from './ingest/ingestor.ts';
import { silentLogger } from './logger.ts';
import { connectTopics } from './outbox/connectTopics.ts';
import { connectPolicies } from './outbox/connectPolicies.ts';
import { createDelivery, type Delivery } from './outbox/createDelivery.ts';
import { CoreMetrics, countIngested, countPolicyAlerts } from './metrics.ts';
import { CorpusSearch } from './search/corpusSearch.ts';
import { ArticleStore } from './store/articleStore.ts';
import { openDatabase, type Db } from './store/database.ts';
import { storyStage } from './stories/storyStage.ts';
import { StoryStore } from './stories/storyStore.ts';
import { createPolicies } from './policy/createPolicies.ts';
import type { PolicyService } from './policy/policyService.ts';
import type { Ports } from './ports.ts';
import { createTopics } from './topics/createTopics.ts';
import type { TopicService } from './topics/topicService.ts';

/**
 * The core's services, wired once. Adapters and the CLI receive this object and call into
 * it through commands; features register themselves here (ingest stages, ports).
 */
export interface Core {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly articles: ArticleStore;
  readonly ingestor: Ingestor;
  readonly search: CorpusSearch;
  /** `ask`: quoted, sourced answers from the corpus (issue #5). */
  readonly answers: AnswerService;
  /** In-process notifications between features (policy event → alert fan-out…). */
  readonly events: CoreEvents;
  /** Tracked policies: status, events, signals, analyze (issue #6). */
  readonly policies: PolicyService;
  /** Tracked topics per channel (defaults from data/topics.json) and each article's matches (issue #4). */
  readonly topics: TopicService;
  /** Implementations from outside the core (feed fetching…), injected by the composition root. */
  readonly ports: Ports;
  /** Counters and timings features report; an adapter exports them (the web chat's /metrics). */
  readonly metrics: CoreMetrics;
  /** Followed feeds, their health and seen items (issue #3). */
  readonly feeds: FeedRegistry;
  /** Subscriptions, digests, alerts and the durable outbox (issue #7). */
  readonly delivery: Delivery;
  /** Per-channel operator choices, e.g. the role a policy alert pings (issue #9). */
  readonly channelSettings: ChannelSettingsStore;
  close(): void;
}

export interface CoreOptions {
  readonly dbPath: string;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly config?: Partial<Config>;
  readonly ports?: Ports;
  /** From how much text a feed poll is prepared in the ingest workers (Ingestor.prepare); Infinity: never. */
  readonly prepareOffThreadFromChars?: number;
}

// Features wire themselves below, in createCore: a store, an ingest stage, event listeners.

export function createCore(options: CoreOptions): Core {
  const logger = options.logger ?? silentLogger();
  const db = openDatabase(options.dbPath, logger);
  const clock = options.clock ?? systemClock;
  const articles = new ArticleStore(db);
  const ingestor = new Ingestor(articles, clock, logger, options.prepareOffThreadFromChars);
  // Near-duplicates across outlets join one story (sets articles.story_id).
  const stories = new StoryStore(db);
  stories.upgradeOldSignatures(logger);
  ingestor.addStage(storyStage(stories, clock));
  // Topic matches are recorded before policy tracking runs, so its alerts can name them.
  const topics = createTopics(db, articles, clock, logger);
  ingestor.addStage(topics.stage);
  const metrics = new CoreMetrics();
  const feeds = createFeedRegistry(db, ingestor, clock, logger, metrics, options.config);
  ingestor.addStage(countIngested(metrics));
  const events = new CoreEvents();
  countPolicyAlerts(events, metrics);
  // Claims → state → events with evidence; emits policy/event-* inside the ingest transaction.
  const policies = createPolicies(db, articles, clock, events, logger);
  ingestor.addStage(policies.stage);
  const delivery = createDelivery(db, articles, clock, logger, options.config?.DIGEST_CATCHUP_MAX_HOURS);
  connectPolicies(delivery, events, policies.service, logger);
  connectTopics(delivery, topics, articles);
  // Questions about a tracked policy's current state get its status line first.
  const answers = new AnswerService(db, articles, logger);
  answers.usePolicyStatus(policies.service);
  let closed = false;
  return {
    db,
    clock,
    logger,
    articles,
    ingestor,
    search: new CorpusSearch(db, articles),
    answers,
    events,
    policies: policies.service,
    topics,
    ports: options.ports ?? {},
    metrics,
    feeds,
    delivery,
    channelSettings: new ChannelSettingsStore(db, clock),
    close() {
      if (closed) return;
      closed = true;
      ingestor.close();
      db.close();
    },
  };
}
