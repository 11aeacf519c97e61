-- Nothing searches sentences with FTS5 any more: `ask` reads the sentences of its best articles
-- from `sentences` and scores them in JavaScript (src/core/answer/evidenceRetrieval.ts). The
-- index cost more than half of every article's insert time and a third of the file.
DROP TRIGGER IF EXISTS sentences_ai;
DROP TRIGGER IF EXISTS sentences_ad;
DROP TRIGGER IF EXISTS sentences_au;
DROP TABLE IF EXISTS sentences_fts;
