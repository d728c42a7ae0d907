-- pg_trgm stays: other tables may come to use it, and dropping an extension needs more rights than creating it.
DROP TABLE IF EXISTS ratings;
DROP TABLE IF EXISTS favorites;
DROP TABLE IF EXISTS recipes;
DROP FUNCTION IF EXISTS recipes_search_vector();
