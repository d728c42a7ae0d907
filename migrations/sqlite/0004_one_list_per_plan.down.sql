DROP INDEX IF EXISTS shopping_lists_plan_key;
CREATE INDEX shopping_lists_plan_idx ON shopping_lists (meal_plan_id, created_at DESC) WHERE meal_plan_id IS NOT NULL;
