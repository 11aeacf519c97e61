-- The corpus: articles, their sentences (the unit we quote), and FTS5 indexes over both.
CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL,
  outlet        TEXT,
  author        TEXT,
  url           TEXT,            -- canonical URL, when known
  guid          TEXT,            -- feed item id, when the article came from a feed
  feed_id       INTEGER,         -- set by the feeds layer (migration 002)
  origin        TEXT,            -- where it entered: seed file name, feed URL, cli
  summary       TEXT,
  body          TEXT NOT NULL,   -- cleaned text, paragraphs separated by blank lines
  content_hash  TEXT NOT NULL,   -- sha256 of the normalised title + body
  published_at  TEXT,            -- ISO 8601 UTC, NULL when unknown
  fetched_at    TEXT NOT NULL,   -- when we stored it
  updated_at    TEXT NOT NULL,
  story_id      INTEGER          -- near-duplicate cluster (set by story clustering)
);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE UNIQUE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_published ON articles(published_at);
CREATE INDEX articles_guid ON articles(guid) WHERE guid IS NOT NULL;
CREATE INDEX articles_story ON articles(story_id) WHERE story_id IS NOT NULL;

CREATE TABLE sentences (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,  -- 0-based order in the article
  paragraph   INTEGER NOT NULL,  -- 0-based paragraph index
  text        TEXT NOT NULL,
  UNIQUE (article_id, position)
);

-- External-content FTS5 tables: the text lives once, in the tables above.
-- porter + unicode61 with diacritics removed: "strikes" finds "strike", "Zelenskyy" is case-free.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body, content='articles', content_rowid='id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text, content='sentences', content_rowid='id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sentences_au AFTER UPDATE OF text ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
