-- LSH buckets are kept in memory (src/core/stories/bandIndex.ts), rebuilt from
-- story_signatures: 32 rows per article here made story clustering a third of ingest time.
DROP TABLE IF EXISTS story_bands;
