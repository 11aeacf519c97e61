-- An article's sentences as one row of places in its body (src/core/store/storedSentences.ts)
-- instead of one row per sentence holding its text again: the text was stored twice, and the
-- ~16 inserts per article were a sixth of the main thread's ingest time.
CREATE TABLE article_sentences (
  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  spans       TEXT NOT NULL    -- JSON: per sentence [start, end, paragraph] or [text, paragraph]
);
-- Sentences stored so far become places where SQLite's character offsets are JavaScript's
-- (an ASCII body: one byte per character) and the text is found; the rest move over as text.
-- instr finds a repeated sentence's first copy: the same text, so the same sentence read back.
INSERT INTO article_sentences (article_id, spans)
  SELECT s.article_id, json_group_array(
           CASE WHEN a.ascii AND instr(a.body, s.text) > 0
                THEN json_array(instr(a.body, s.text) - 1, instr(a.body, s.text) - 1 + length(s.text), s.paragraph)
                ELSE json_array(s.text, s.paragraph) END
           ORDER BY s.position)
  FROM sentences s
  JOIN (SELECT id, body, length(body) = length(CAST(body AS BLOB)) AS ascii FROM articles) a ON a.id = s.article_id
  GROUP BY s.article_id;
DROP TABLE sentences;
