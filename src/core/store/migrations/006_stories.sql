-- Near-duplicate clusters ("stories"): wire copies and syndicated versions of one report.
-- articles.story_id (migration 001) points here; signatures and LSH bands find candidates.
CREATE TABLE stories (
  id                INTEGER PRIMARY KEY,
  first_article_id  INTEGER NOT NULL,
  created_at        TEXT NOT NULL
);

CREATE TABLE story_signatures (
  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  story_id    INTEGER NOT NULL REFERENCES stories(id),
  signature   BLOB NOT NULL    -- MinHash values, little-endian uint32
);

-- Locality-sensitive hashing: articles sharing any (band, bucket) are compared in full.
CREATE TABLE story_bands (
  band        INTEGER NOT NULL,
  bucket      INTEGER NOT NULL,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (band, bucket, article_id)
) WITHOUT ROWID;
-- Re-signing an updated article and cascading deletes find its bands without a scan.
CREATE INDEX story_bands_article ON story_bands(article_id);
