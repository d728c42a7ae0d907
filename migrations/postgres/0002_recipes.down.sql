-- pg_trgm stays: other tables may come to use it, and dropping an extension needs more rights than creating it.
DROP TABLE IF EXISTS ratings;
DROP TABLE IF EXISTS favorites;
DROP TRIGGER IF EXISTS recipe_search_inserted ON recipes;
DROP TRIGGER IF EXISTS recipe_search_updated ON recipes;
DROP TRIGGER IF EXISTS recipe_search_deleted ON recipes;
DROP TRIGGER IF EXISTS recipe_search_truncated ON recipes;
DROP FUNCTION IF EXISTS recipe_search_inserted();
DROP FUNCTION IF EXISTS recipe_search_updated();
DROP FUNCTION IF EXISTS recipe_search_deleted();
DROP FUNCTION IF EXISTS recipe_search_truncated();
-- its argument type is the recipes row: it goes before the table
DROP FUNCTION IF EXISTS recipe_search_refresh(recipes[]);
DROP FUNCTION IF EXISTS recipe_terms(jsonb, text);
DROP FUNCTION IF EXISTS recipe_allergen_bit(text);
DROP TABLE IF EXISTS recipe_words;
DROP TABLE IF EXISTS recipe_search;
DROP TABLE IF EXISTS search_terms;
DROP TABLE IF EXISTS recipes;
