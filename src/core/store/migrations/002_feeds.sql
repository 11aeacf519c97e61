-- Feeds the bot polls, their health and conditional-GET validators, and every item seen.
CREATE TABLE feeds (
  id                    INTEGER PRIMARY KEY,
  url                   TEXT NOT NULL UNIQUE,
  title                 TEXT,
  site_url              TEXT,
  source                TEXT NOT NULL DEFAULT 'user',  -- user | default | opml
  added_at              TEXT NOT NULL,
  etag                  TEXT,
  last_modified         TEXT,
  first_success_at      TEXT,   -- NULL until the first successful poll: that poll is quiet
  last_attempt_at       TEXT,
  last_success_at       TEXT,
  failing_since         TEXT,
  consecutive_failures  INTEGER NOT NULL DEFAULT 0,
  paused_at             TEXT,   -- set after too many failures; polling stops until resumed
  last_error_code       TEXT,
  last_error            TEXT,   -- in plain words, for `feeds list`
  next_poll_at          TEXT    -- backoff / Retry-After; NULL means due now
);

-- One row per item ever seen in a feed, so a restart never turns old items into new articles.
-- item_key is 'guid:…', else 'link:<canonical URL>', else 'title:<title>|<date>'.
CREATE TABLE feed_items (
  feed_id        INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  item_key       TEXT NOT NULL,
  article_id     INTEGER REFERENCES articles(id) ON DELETE SET NULL,
  fingerprint    TEXT NOT NULL,   -- hash of what we stored; a change means the item was updated
  first_seen_at  TEXT NOT NULL,
  last_seen_at   TEXT NOT NULL,
  PRIMARY KEY (feed_id, item_key)
) WITHOUT ROWID;
CREATE INDEX feed_items_article ON feed_items(article_id) WHERE article_id IS NOT NULL;

-- Small flags of the feeds feature (e.g. whether the default feed list was ever loaded).
CREATE TABLE feed_settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
