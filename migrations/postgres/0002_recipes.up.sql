-- Recipes (soft-deleted, never removed by the application), favourites and ratings.
--
-- Besides the fields of recipe.Recipe, a recipe row carries what search needs:
--   ingredient_text  the ingredients' names and food keys, lower-cased, one per line, written by the adapter;
--                    substring filters (ingredient, excluded allergies and dislikes) run LIKE over it
--   facets           a jsonb array of lower-cased "tag:…", "diet:…" and "allergen:…" strings, written by the
--                    adapter: one GIN index answers "has all of" (@>) for tags and dietary tags at once
--   search           the weighted tsvector, kept by a trigger: A = name, B = tags + ingredients, C = description
-- Lists (tags, dietary tags, allergens, ingredients, instructions) are jsonb so that the row reads the same in
-- both dialects.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE recipes (
    id              bigint           PRIMARY KEY CHECK (id > 0),
    name            text             NOT NULL,
    description     text             NOT NULL DEFAULT '',
    category        text             NOT NULL DEFAULT '',
    cuisine         text             NOT NULL DEFAULT '',
    tags            jsonb            NOT NULL DEFAULT '[]',
    difficulty      text             NOT NULL DEFAULT '',
    prep_time       integer          NOT NULL DEFAULT 0 CHECK (prep_time >= 0),
    cook_time       integer          NOT NULL DEFAULT 0 CHECK (cook_time >= 0),
    servings        integer          NOT NULL DEFAULT 0,
    ingredients     jsonb            NOT NULL DEFAULT '[]',
    instructions    jsonb            NOT NULL DEFAULT '[]',
    image_original  text             NOT NULL DEFAULT '',
    image_large     text             NOT NULL DEFAULT '',
    image_medium    text             NOT NULL DEFAULT '',
    image_thumbnail text             NOT NULL DEFAULT '',
    youtube_url     text             NOT NULL DEFAULT '',
    source_url      text             NOT NULL DEFAULT '',
    dietary_tags    jsonb            NOT NULL DEFAULT '[]',
    allergens       jsonb            NOT NULL DEFAULT '[]',
    -- nutrition per serving: kcal, grams, sodium in mg
    calories        double precision NOT NULL DEFAULT 0,
    protein         double precision NOT NULL DEFAULT 0,
    carbohydrate    double precision NOT NULL DEFAULT 0,
    fat             double precision NOT NULL DEFAULT 0,
    fiber           double precision NOT NULL DEFAULT 0,
    sugars          double precision NOT NULL DEFAULT 0,
    sodium          double precision NOT NULL DEFAULT 0,
    rating          double precision NOT NULL DEFAULT 0,
    review_count    integer          NOT NULL DEFAULT 0 CHECK (review_count >= 0),
    favorite_count  integer          NOT NULL DEFAULT 0 CHECK (favorite_count >= 0),
    created_at      timestamptz      NOT NULL,
    updated_at      timestamptz      NOT NULL,
    deleted_at      timestamptz,
    ingredient_text text             NOT NULL DEFAULT '',
    facets          jsonb            NOT NULL DEFAULT '[]',
    search          tsvector         NOT NULL DEFAULT ''
);

CREATE FUNCTION recipes_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search :=
        setweight(to_tsvector('english', NEW.name), 'A') ||
        setweight(to_tsvector('english',
            coalesce((SELECT string_agg(t, ' ') FROM jsonb_array_elements_text(NEW.tags) AS t), '')
            || ' ' || NEW.ingredient_text), 'B') ||
        setweight(to_tsvector('english', NEW.description), 'C');
    RETURN NEW;
END
$$;

-- favourite and rating counters change often and leave the vector alone
CREATE TRIGGER recipes_search_vector BEFORE INSERT OR UPDATE OF name, tags, ingredient_text, description
    ON recipes FOR EACH ROW EXECUTE FUNCTION recipes_search_vector();

-- Every search reads live recipes only, so every search index is partial.
CREATE INDEX recipes_search_idx ON recipes USING gin (search) WHERE deleted_at IS NULL;
CREATE INDEX recipes_facets_idx ON recipes USING gin (facets jsonb_path_ops) WHERE deleted_at IS NULL;
CREATE INDEX recipes_ingredient_text_idx ON recipes USING gin (ingredient_text gin_trgm_ops)
    WHERE deleted_at IS NULL;
CREATE INDEX recipes_category_idx ON recipes (lower(category)) WHERE deleted_at IS NULL;
CREATE INDEX recipes_cuisine_idx ON recipes (lower(cuisine)) WHERE deleted_at IS NULL;
-- one index per sort order, in the order's exact terms, so a page is read in order without sorting
CREATE INDEX recipes_rating_idx ON recipes (rating DESC, review_count DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX recipes_name_idx ON recipes ((lower(name) COLLATE "C"), id) WHERE deleted_at IS NULL;
CREATE INDEX recipes_newest_idx ON recipes (created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX recipes_quickest_idx ON recipes ((prep_time + cook_time), id) WHERE deleted_at IS NULL;
CREATE INDEX recipes_popular_idx ON recipes (favorite_count DESC, review_count DESC, rating DESC, id)
    WHERE deleted_at IS NULL;

CREATE TABLE favorites (
    user_id    text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    recipe_id  bigint      NOT NULL REFERENCES recipes (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, recipe_id)
);

CREATE INDEX favorites_user_created_idx ON favorites (user_id, created_at DESC);
CREATE INDEX favorites_recipe_idx ON favorites (recipe_id);

CREATE TABLE ratings (
    user_id    text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    recipe_id  bigint      NOT NULL REFERENCES recipes (id) ON DELETE CASCADE,
    stars      smallint    NOT NULL CHECK (stars BETWEEN 1 AND 5),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, recipe_id)
);

CREATE INDEX ratings_recipe_idx ON ratings (recipe_id);
