-- Story signatures are one-permutation MinHash now (src/core/stories/minHash.ts), which cannot
-- be compared with the 128-hash signatures stored so far. Those move aside here; at the next
-- start their articles are signed again, keeping their stories (StoryStore.upgradeOldSignatures).
ALTER TABLE story_signatures RENAME TO story_signatures_v1;
CREATE TABLE story_signatures (
  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  story_id    INTEGER NOT NULL REFERENCES stories(id),
  signature   BLOB NOT NULL    -- MinHash values, little-endian uint32
);
