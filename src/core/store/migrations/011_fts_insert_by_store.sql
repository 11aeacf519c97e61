-- New articles enter articles_fts from ArticleStore.insert, not from a trigger. A statement
-- that fires a trigger runs in a statement savepoint, and FTS5 writes its pending index out at
-- every savepoint: one small segment per article, then merging them, ~300 µs of each article's
-- insert in a bulk import. Updates and deletes keep their triggers (articles_au, articles_ad):
-- they are rare, and need the old text, which only the trigger has at hand.
DROP TRIGGER IF EXISTS articles_ai;
