DROP TABLE IF EXISTS shopping_lists;
DROP TABLE IF EXISTS meal_plan_slots;
DROP TABLE IF EXISTS meal_plans;
