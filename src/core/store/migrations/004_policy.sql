-- Policy tracking (issue #6): what each sentence claims about a tracked policy, the events
-- that changed a policy's state (with every report that confirms them) and the alerts raised.
CREATE TABLE policy_events (
  id            INTEGER PRIMARY KEY,
  policy_id     TEXT NOT NULL,            -- data/policies.json id: us, uk, france, germany
  from_state    TEXT NOT NULL,
  to_state      TEXT NOT NULL,
  direction     TEXT NOT NULL CHECK (direction IN ('loosen', 'tighten')),
  scope         TEXT,                     -- the words that named the scope ("close to Kharkiv")
  effective_at  TEXT NOT NULL,            -- date of the first report (ISO 8601)
  quiet         INTEGER NOT NULL DEFAULT 0, -- learnt from seeding or a first poll: never alerted
  created_at    TEXT NOT NULL
);
CREATE INDEX policy_events_policy ON policy_events(policy_id, effective_at);

CREATE TABLE policy_claims (
  id            INTEGER PRIMARY KEY,
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,         -- sentence position; -1 for the title
  policy_id     TEXT NOT NULL,
  actor         TEXT NOT NULL,
  subject       TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('enacted', 'announced', 'considering', 'urged', 'denied')),
  scope         TEXT,
  state         TEXT,                     -- the state the claim speaks of, when it names one
  direction     TEXT CHECK (direction IN ('loosen', 'tighten')),
  background    INTEGER NOT NULL DEFAULT 0,
  reported      INTEGER NOT NULL DEFAULT 0,
  quote         TEXT NOT NULL,
  reported_at   TEXT NOT NULL,            -- the article's date: published, else fetched
  event_id      INTEGER REFERENCES policy_events(id) ON DELETE SET NULL
);
CREATE INDEX policy_claims_window ON policy_claims(policy_id, reported_at);
CREATE INDEX policy_claims_article ON policy_claims(article_id);

-- One row per article confirming an event: the source count is the row count.
CREATE TABLE policy_evidence (
  event_id      INTEGER NOT NULL REFERENCES policy_events(id) ON DELETE CASCADE,
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  claim_id      INTEGER NOT NULL REFERENCES policy_claims(id) ON DELETE CASCADE,
  added_at      TEXT NOT NULL,
  PRIMARY KEY (event_id, article_id)
);

CREATE TABLE policy_state (
  policy_id     TEXT PRIMARY KEY,
  state         TEXT NOT NULL,
  since         TEXT NOT NULL,
  event_id      INTEGER NOT NULL REFERENCES policy_events(id)
);

-- The alert for an event (the outbox fans it out per subscribed channel).
CREATE TABLE policy_alerts (
  id            INTEGER PRIMARY KEY,
  event_id      INTEGER NOT NULL UNIQUE REFERENCES policy_events(id) ON DELETE CASCADE,
  policy_id     TEXT NOT NULL,
  source_count  INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
