-- Meal plans, one per user and week, with one row per planned meal; shopping lists, each list's items as one
-- JSON array (a list is always read and written whole).
-- Calendar dates are TEXT 'YYYY-MM-DD', so text order is date order; the checks refuse any other shape
-- (date() of a malformed value is NULL, which IS never matches).

CREATE TABLE meal_plans (
    id         TEXT      PRIMARY KEY,
    user_id    TEXT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- weeks start on Sunday
    week_start TEXT      NOT NULL CHECK (date(week_start) IS week_start AND strftime('%w', week_start) IS '0'),
    notes      TEXT      NOT NULL DEFAULT '',
    -- optimistic locking: an update names the version it read
    version    INTEGER   NOT NULL CHECK (version > 0),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT meal_plans_user_week_key UNIQUE (user_id, week_start)
);

-- recipe_id has no foreign key: a slot keeps its copied name when the recipe is deleted
CREATE TABLE meal_plan_slots (
    plan_id     TEXT      NOT NULL REFERENCES meal_plans (id) ON DELETE CASCADE,
    day         TEXT      NOT NULL CHECK (date(day) IS day),
    meal_type   TEXT      NOT NULL CHECK (meal_type IN ('breakfast', 'lunch', 'dinner', 'snacks')),
    recipe_id   INTEGER   NOT NULL CHECK (recipe_id > 0),
    recipe_name TEXT      NOT NULL DEFAULT '',
    thumbnail   TEXT      NOT NULL DEFAULT '',
    category    TEXT      NOT NULL DEFAULT '',
    servings    INTEGER   NOT NULL CHECK (servings BETWEEN 1 AND 50),
    added_at    TIMESTAMP NOT NULL,
    note        TEXT      NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, day, meal_type)
) WITHOUT ROWID;

-- recipes planned since a date by every user; one user's are found through meal_plans_user_week_key
CREATE INDEX meal_plan_slots_day_idx ON meal_plan_slots (day);

CREATE TABLE shopping_lists (
    id               TEXT      PRIMARY KEY,
    user_id          TEXT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- a list outlives the plan it was generated from
    meal_plan_id     TEXT      REFERENCES meal_plans (id) ON DELETE SET NULL,
    week_start       TEXT      NOT NULL CHECK (date(week_start) IS week_start),
    name             TEXT      NOT NULL DEFAULT '',
    items            TEXT      NOT NULL DEFAULT '[]' CHECK (json_valid(items) AND json_type(items) = 'array'),
    share_id         TEXT      UNIQUE,
    share_expires_at TIMESTAMP,
    version          INTEGER   NOT NULL CHECK (version > 0),
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL
);

CREATE INDEX shopping_lists_user_created_idx ON shopping_lists (user_id, created_at DESC, id DESC);
-- a plan's lists: ForPlan, and the SET NULL when the plan is deleted
CREATE INDEX shopping_lists_plan_idx ON shopping_lists (meal_plan_id, created_at DESC) WHERE meal_plan_id IS NOT NULL;
