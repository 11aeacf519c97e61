-- Delivery (issue #7): who wants what where, and the durable outbox every post goes through.

-- One row per (channel, kind, target). A digest row carries its wall-clock time and IANA zone;
-- an alerts row its target ('' = every tracked policy, else a policy id or topic name).
CREATE TABLE subscriptions (
  id             INTEGER PRIMARY KEY,
  platform       TEXT NOT NULL,
  workspace      TEXT NOT NULL,
  channel        TEXT NOT NULL,
  channel_name   TEXT,
  kind           TEXT NOT NULL CHECK (kind IN ('digest', 'alerts')),
  target         TEXT NOT NULL DEFAULT '',
  time_of_day    TEXT,            -- 'HH:MM', digest only
  zone           TEXT,            -- IANA zone, digest only
  created_at     TEXT NOT NULL,
  created_by     TEXT,
  -- The last scheduled slot handled (sent or skipped as too old): a slot is handled once.
  last_slot_at   TEXT,
  UNIQUE (platform, workspace, channel, kind, target)
);

-- Every digest and alert, written in the transaction that decides it, before any platform call.
-- `key` is the idempotency key: (channel, event id) or (channel, digest window).
CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY,
  key              TEXT NOT NULL UNIQUE,
  platform         TEXT NOT NULL,
  workspace        TEXT NOT NULL,
  channel          TEXT NOT NULL,
  channel_name     TEXT,
  kind             TEXT NOT NULL,   -- 'digest' | 'alert'
  reply            TEXT NOT NULL,   -- the Reply as JSON, exactly what is posted
  -- pending: waiting for its turn; sending: handed to the platform (in flight, or in doubt after a crash);
  -- sent: the platform confirmed; dead: gave up, last_error says why in words.
  state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'dead')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT NOT NULL,
  message_ids      TEXT,            -- JSON array of the platform's ids once sent
  needs_edit       INTEGER NOT NULL DEFAULT 0,  -- the reply changed after it was posted: edit in place
  in_doubt         INTEGER NOT NULL DEFAULT 0,  -- a previous process may have posted it before dying
  last_error_code  TEXT,
  last_error       TEXT,
  window_since     TEXT,            -- digests: the window they cover
  window_until     TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  sent_at          TEXT
);
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
CREATE INDEX outbox_channel ON outbox(platform, workspace, channel, kind);
