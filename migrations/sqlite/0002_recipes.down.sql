DROP TABLE IF EXISTS ratings;
DROP TABLE IF EXISTS favorites;
DROP TRIGGER IF EXISTS recipes_fts_update;
DROP TRIGGER IF EXISTS recipes_fts_delete;
DROP TRIGGER IF EXISTS recipes_fts_insert;
DROP TABLE IF EXISTS recipes_fts;
DROP TABLE IF EXISTS recipes;
