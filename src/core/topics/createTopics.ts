import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { ArticleStore } from '../store/articleStore.ts';
import type { Db } from '../store/database.ts';
import { DEFAULT_TOPICS_FILE, loadTopicsFile } from './defaultTopics.ts';
import { TopicService } from './topicService.ts';
import { TopicStore } from './topicStore.ts';

/**
 * The topics feature as core.ts wires it: the store, the index over every stored topic, and
 * the defaults synced from data/topics.json (a missing or broken file is logged, never fatal:
 * channels then simply follow no default topic).
 */
export function createTopics(db: Db, articles: ArticleStore, clock: Clock, logger: Logger, defaultsFile: string | URL = DEFAULT_TOPICS_FILE): TopicService {
  const service = new TopicService(db, new TopicStore(db), articles, clock, logger);
  const loaded = loadTopicsFile(defaultsFile);
  if (!loaded.ok) {
    logger.warn({ error: loaded.error.message }, 'default topics not loaded');
    return service;
  }
  for (const error of loaded.value.errors) logger.warn({ code: error.code, error: error.message }, 'default topic skipped');
  service.syncDefaults(loaded.value.topics);
  return service;
}
