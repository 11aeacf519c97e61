import type { Core } from '../../src/core/core.ts';

/** What ingest wrote, table by table: two cores that stored the same news must give equal ones. */
export const storedTables = (core: Core): unknown[] =>
  [
    'SELECT id, title, story_id, content_hash FROM articles ORDER BY id',
    'SELECT article_id, spans FROM article_sentences ORDER BY article_id',
    'SELECT article_id, story_id FROM story_signatures ORDER BY article_id',
    'SELECT article_id, topic_id FROM article_topics ORDER BY 1, 2',
    'SELECT article_id, position, policy_id, status FROM policy_claims ORDER BY id',
    'SELECT * FROM policy_state',
  ].map((sql) => core.db.prepare(sql).all());
