-- A plan has at most one shopping list: generating again regenerates it.
-- Two generate requests racing for a plan's first list could each insert
-- one; the unique index makes the loser's insert a conflict, which the
-- use case retries onto the winner's list. Lists made twice before this
-- migration keep existing, detached from the plan, so nothing is lost.
UPDATE shopping_lists l
SET meal_plan_id = NULL
WHERE meal_plan_id IS NOT NULL
  AND EXISTS (
    SELECT 1 FROM shopping_lists newer
    WHERE newer.meal_plan_id = l.meal_plan_id
      AND (newer.created_at, newer.id COLLATE "C") > (l.created_at, l.id COLLATE "C")
  );

DROP INDEX shopping_lists_plan_idx;
CREATE UNIQUE INDEX shopping_lists_plan_key ON shopping_lists (meal_plan_id) WHERE meal_plan_id IS NOT NULL;
