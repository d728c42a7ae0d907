-- Meal plans, one per user and week, with one row per planned meal; shopping lists, each list's items as one
-- JSON array (a list is always read and written whole).

CREATE TABLE meal_plans (
    id         text        PRIMARY KEY,
    user_id    text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- weeks start on Sunday
    week_start date        NOT NULL CHECK (extract(dow FROM week_start) = 0),
    notes      text        NOT NULL DEFAULT '',
    -- optimistic locking: an update names the version it read
    version    integer     NOT NULL CHECK (version > 0),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT meal_plans_user_week_key UNIQUE (user_id, week_start)
);

-- recipe_id has no foreign key: a slot keeps its copied name when the recipe is deleted
CREATE TABLE meal_plan_slots (
    plan_id     text        NOT NULL REFERENCES meal_plans (id) ON DELETE CASCADE,
    day         date        NOT NULL,
    meal_type   text        NOT NULL CHECK (meal_type IN ('breakfast', 'lunch', 'dinner', 'snacks')),
    recipe_id   bigint      NOT NULL CHECK (recipe_id > 0),
    recipe_name text        NOT NULL DEFAULT '',
    thumbnail   text        NOT NULL DEFAULT '',
    category    text        NOT NULL DEFAULT '',
    servings    integer     NOT NULL CHECK (servings BETWEEN 1 AND 50),
    added_at    timestamptz NOT NULL,
    note        text        NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, day, meal_type)
);

-- recipes planned since a date by every user; one user's are found through meal_plans_user_week_key
CREATE INDEX meal_plan_slots_day_idx ON meal_plan_slots (day);

CREATE TABLE shopping_lists (
    id               text        PRIMARY KEY,
    user_id          text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- a list outlives the plan it was generated from
    meal_plan_id     text        REFERENCES meal_plans (id) ON DELETE SET NULL,
    week_start       date        NOT NULL,
    name             text        NOT NULL DEFAULT '',
    items            jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(items) = 'array'),
    share_id         text        UNIQUE,
    share_expires_at timestamptz,
    version          integer     NOT NULL CHECK (version > 0),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);

-- a user's lists newest first, ids compared bytewise as the adapter orders them
CREATE INDEX shopping_lists_user_created_idx ON shopping_lists (user_id, created_at DESC, id COLLATE "C" DESC);
-- a plan's lists: ForPlan, and the SET NULL when the plan is deleted
CREATE INDEX shopping_lists_plan_idx ON shopping_lists (meal_plan_id, created_at DESC) WHERE meal_plan_id IS NOT NULL;
