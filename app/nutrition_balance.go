package app

import (
	"context"

	"github.com/mealplanner/backend/domain/nutrition"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
)

// WeekBalance is the nutrition balance of one week of the caller's.
type WeekBalance struct {
	// MealPlanID is "" when nothing is stored for the week.
	MealPlanID string
	WeekStart  planning.Date
	Report     nutrition.Report
}

// NutritionBalance measures a week's plan against the caller's nutrition
// targets (the package defaults when they set none), per person of their
// household. A week with nothing planned is answered, not refused: its
// report says that no meals are planned. Slots whose recipe has been deleted
// since are left out, as nothing is known of what they provide.
func (a *AI) NutritionBalance(ctx context.Context, p Principal, ref WeekRef) (WeekBalance, error) {
	u, err := a.Users.Get(ctx, p.UserID)
	if err != nil {
		return WeekBalance{}, err
	}
	plan, err := a.weekPlan(ctx, p.UserID, ref)
	if err != nil {
		return WeekBalance{}, err
	}
	recipes, err := planRecipes(ctx, a.Catalogue.Recipes, plan)
	if err != nil {
		return WeekBalance{}, err
	}
	var targets nutrition.Targets
	if t := u.Preferences.NutritionTargets; t != nil {
		targets = nutrition.Targets(*t)
	}
	days := a.balanceDays(plan, recipes)
	return WeekBalance{MealPlanID: plan.ID, WeekStart: plan.WeekStart,
		Report: nutrition.Balance(days, u.Preferences.HouseholdSize, targets)}, nil
}

// balanceDays turns the plan into the seven days the balance reads.
func (a *AI) balanceDays(plan *planning.Plan, recipes map[int64]*recipe.Recipe) []nutrition.Day {
	days := make([]nutrition.Day, 0, planning.DaysPerWeek)
	for _, d := range plan.Dates() {
		day := nutrition.Day{Date: d.String()}
		for _, m := range planning.MealTypes() {
			slot, ok := plan.Get(d, m)
			if !ok {
				continue
			}
			r, live := recipes[slot.RecipeID]
			if !live {
				continue
			}
			day.Meals = append(day.Meals, nutrition.PlannedMeal{RecipeID: r.ID, Name: r.Name, Servings: slot.Servings,
				PerServing: r.Nutrition, Vegetables: nutrition.HasVegetables(recipeFoods(r), a.Catalogue.foods)})
		}
		days = append(days, day)
	}
	return days
}

// recipeFoods lists the foods a recipe's ingredients matched.
func recipeFoods(r *recipe.Recipe) []string {
	keys := make([]string, 0, len(r.Ingredients))
	for _, in := range r.Ingredients {
		if in.Food != "" {
			keys = append(keys, in.Food)
		}
	}
	return keys
}
