-- Tracked topics (issue #4). Each channel (platform + workspace/guild + channel) keeps its own
-- topics; the default set from data/topics.json lives under the scope platform = 'default'.
CREATE TABLE topics (
  id          INTEGER PRIMARY KEY,
  platform    TEXT NOT NULL,   -- slack | discord | web | cli | default
  workspace   TEXT NOT NULL,   -- '' for the defaults
  channel     TEXT NOT NULL,   -- '' for the defaults
  topic       TEXT NOT NULL,   -- the id people type: long-range-strikes
  name        TEXT NOT NULL,
  query       TEXT NOT NULL,   -- as typed; parsed again when the index loads
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (platform, workspace, channel, topic)
);

-- A channel listed here has its own set (possibly empty); any other channel follows the defaults.
CREATE TABLE topic_channels (
  platform       TEXT NOT NULL,
  workspace      TEXT NOT NULL,
  channel        TEXT NOT NULL,
  customised_at  TEXT NOT NULL,
  PRIMARY KEY (platform, workspace, channel)
);

-- Which topics each article matched, recorded at ingest (digests and alerts read this).
CREATE TABLE article_topics (
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  topic_id    INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
  matched_at  TEXT NOT NULL,
  PRIMARY KEY (article_id, topic_id)
);
CREATE INDEX article_topics_topic ON article_topics(topic_id);
