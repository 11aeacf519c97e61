-- An article's sentences as one row of places in its body (src/core/store/storedSentences.ts)
-- instead of one row per sentence holding its text again: the text was stored twice, and the
-- ~16 inserts per article were a sixth of the main thread's ingest time. Sentences stored so
-- far move over as text ([text, paragraph]); articles stored from now on keep places only.
CREATE TABLE article_sentences (
  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  spans       TEXT NOT NULL    -- JSON: per sentence [start, end, paragraph] or [text, paragraph]
);
INSERT INTO article_sentences (article_id, spans)
  SELECT article_id, json_group_array(json_array(text, paragraph) ORDER BY position)
  FROM sentences GROUP BY article_id;
DROP TABLE sentences;
