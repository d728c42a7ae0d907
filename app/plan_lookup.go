package app

import (
	"context"
	"strings"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/ports"
)

// WeekRef names a week of the caller's: by plan id, or by any date of the
// week. One of the two is required; the plan id wins when both are given.
type WeekRef struct {
	MealPlanID string
	WeekStart  string
}

var errWeekRequired = domain.Invalid("mealPlanId or weekStart is required",
	map[string]string{"mealPlanId": "mealPlanId or weekStart is required"})

// findPlan returns the caller's plan that ref names and the Sunday of its
// week. NOT_FOUND "meal plan not found" when the plan id is unknown or
// another user's, or when nothing is stored for the week; the week is still
// returned then, for callers that answer an empty week.
func findPlan(ctx context.Context, plans ports.PlanRepository, userID string, ref WeekRef) (*planning.Plan, planning.Date, error) {
	if id := strings.TrimSpace(ref.MealPlanID); id != "" {
		p, err := plans.Get(ctx, userID, id)
		if err != nil {
			return nil, planning.Date{}, notFoundAs(err, errNoMealPlan)
		}
		return p, p.WeekStart, nil
	}
	week := strings.TrimSpace(ref.WeekStart)
	if week == "" {
		return nil, planning.Date{}, errWeekRequired
	}
	d, err := planning.ParseDate(week)
	if err != nil {
		return nil, planning.Date{}, domain.Invalid("invalid date", map[string]string{"weekStart": "must be a date YYYY-MM-DD"})
	}
	p, err := plans.ForWeek(ctx, userID, d.WeekStart())
	return p, d.WeekStart(), notFoundAs(err, errNoMealPlan)
}

// planRecipes loads the live recipes of a plan's slots by id. A recipe
// deleted since it was planned is absent from the map; callers decide what
// its slot means.
func planRecipes(ctx context.Context, recipes ports.RecipeRepository, p *planning.Plan) (map[int64]*recipe.Recipe, error) {
	var ids []int64
	for _, day := range p.DaysInOrder() {
		for _, m := range day.Meals {
			ids = append(ids, m.Slot.RecipeID)
		}
	}
	rs, err := recipes.GetMany(ctx, distinctRecipeIDs(ids))
	if err != nil {
		return nil, err
	}
	out := make(map[int64]*recipe.Recipe, len(rs))
	for _, r := range rs {
		out[r.ID] = r
	}
	return out, nil
}
