-- Recipes (soft-deleted, never removed by the application), favourites and ratings.
--
-- Besides the fields of recipe.Recipe, a recipe row carries what search needs, written by the adapter:
--   ingredient_text  the ingredients' names and food keys, lower-cased, one per line; substring filters
--                    (ingredient, excluded allergies and dislikes) run LIKE over it
--   facets           a JSON array of lower-cased "tag:…", "diet:…" and "allergen:…" strings
-- recipes_fts is an external-content FTS5 index over name, tags, ingredient_text and description, kept in
-- step by triggers; searches match all of it, and its name column alone for the recipes ranked first.
-- The tokenizer keeps diacritics, as PostgreSQL's english configuration does.

-- What searches read comes first and the long lists last: SQLite reads a row's columns in order, and a
-- column stored after a few kilobytes of steps lives on an overflow page.
CREATE TABLE recipes (
    id              INTEGER   PRIMARY KEY CHECK (id > 0),
    name            TEXT      NOT NULL,
    category        TEXT      NOT NULL DEFAULT '',
    cuisine         TEXT      NOT NULL DEFAULT '',
    difficulty      TEXT      NOT NULL DEFAULT '',
    prep_time       INTEGER   NOT NULL DEFAULT 0 CHECK (prep_time >= 0),
    cook_time       INTEGER   NOT NULL DEFAULT 0 CHECK (cook_time >= 0),
    servings        INTEGER   NOT NULL DEFAULT 0,
    rating          REAL      NOT NULL DEFAULT 0,
    review_count    INTEGER   NOT NULL DEFAULT 0 CHECK (review_count >= 0),
    favorite_count  INTEGER   NOT NULL DEFAULT 0 CHECK (favorite_count >= 0),
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    deleted_at      TIMESTAMP,
    calories        REAL      NOT NULL DEFAULT 0,
    protein         REAL      NOT NULL DEFAULT 0,
    carbohydrate    REAL      NOT NULL DEFAULT 0,
    fat             REAL      NOT NULL DEFAULT 0,
    fiber           REAL      NOT NULL DEFAULT 0,
    sugars          REAL      NOT NULL DEFAULT 0,
    sodium          REAL      NOT NULL DEFAULT 0,
    image_medium    TEXT      NOT NULL DEFAULT '',
    tags            TEXT      NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    dietary_tags    TEXT      NOT NULL DEFAULT '[]' CHECK (json_valid(dietary_tags)),
    allergens       TEXT      NOT NULL DEFAULT '[]' CHECK (json_valid(allergens)),
    facets          TEXT      NOT NULL DEFAULT '[]' CHECK (json_valid(facets)),
    ingredient_text TEXT      NOT NULL DEFAULT '',
    description     TEXT      NOT NULL DEFAULT '',
    image_original  TEXT      NOT NULL DEFAULT '',
    image_large     TEXT      NOT NULL DEFAULT '',
    image_thumbnail TEXT      NOT NULL DEFAULT '',
    youtube_url     TEXT      NOT NULL DEFAULT '',
    source_url      TEXT      NOT NULL DEFAULT '',
    ingredients     TEXT      NOT NULL DEFAULT '[]' CHECK (json_valid(ingredients)),
    instructions    TEXT      NOT NULL DEFAULT '[]' CHECK (json_valid(instructions))
);

-- counting live recipes reads this instead of the wide rows (the search names it: SQLite would not pick it)
CREATE INDEX recipes_live_idx ON recipes (id) WHERE deleted_at IS NULL;
CREATE INDEX recipes_category_idx ON recipes (lower(category)) WHERE deleted_at IS NULL;
CREATE INDEX recipes_cuisine_idx ON recipes (lower(cuisine)) WHERE deleted_at IS NULL;
CREATE INDEX recipes_rating_idx ON recipes (rating DESC, review_count DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX recipes_name_idx ON recipes (lower(name), id) WHERE deleted_at IS NULL;
CREATE INDEX recipes_newest_idx ON recipes (created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX recipes_quickest_idx ON recipes ((prep_time + cook_time), id) WHERE deleted_at IS NULL;
CREATE INDEX recipes_popular_idx ON recipes (favorite_count DESC, review_count DESC, rating DESC, id)
    WHERE deleted_at IS NULL;

CREATE VIRTUAL TABLE recipes_fts USING fts5(
    name, tags, ingredient_text, description,
    content = 'recipes', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 0'
);

CREATE TRIGGER recipes_fts_insert AFTER INSERT ON recipes BEGIN
    INSERT INTO recipes_fts (rowid, name, tags, ingredient_text, description)
    VALUES (new.id, new.name, new.tags, new.ingredient_text, new.description);
END;

CREATE TRIGGER recipes_fts_delete AFTER DELETE ON recipes BEGIN
    INSERT INTO recipes_fts (recipes_fts, rowid, name, tags, ingredient_text, description)
    VALUES ('delete', old.id, old.name, old.tags, old.ingredient_text, old.description);
END;

-- favourite and rating counters change often and leave the index alone
CREATE TRIGGER recipes_fts_update AFTER UPDATE OF name, tags, ingredient_text, description ON recipes BEGIN
    INSERT INTO recipes_fts (recipes_fts, rowid, name, tags, ingredient_text, description)
    VALUES ('delete', old.id, old.name, old.tags, old.ingredient_text, old.description);
    INSERT INTO recipes_fts (rowid, name, tags, ingredient_text, description)
    VALUES (new.id, new.name, new.tags, new.ingredient_text, new.description);
END;

CREATE TABLE favorites (
    user_id    TEXT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    recipe_id  INTEGER   NOT NULL REFERENCES recipes (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, recipe_id)
) WITHOUT ROWID;

CREATE INDEX favorites_user_created_idx ON favorites (user_id, created_at DESC);
CREATE INDEX favorites_recipe_idx ON favorites (recipe_id);

CREATE TABLE ratings (
    user_id    TEXT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    recipe_id  INTEGER   NOT NULL REFERENCES recipes (id) ON DELETE CASCADE,
    stars      INTEGER   NOT NULL CHECK (stars BETWEEN 1 AND 5),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, recipe_id)
) WITHOUT ROWID;

CREATE INDEX ratings_recipe_idx ON ratings (recipe_id);
