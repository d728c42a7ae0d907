package app

import (
	"context"
	"strings"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
)

// WeekRef names a week of the caller's: by plan id, or by any date of the
// week. One of the two is required; the plan id wins when both are given.
type WeekRef struct {
	MealPlanID string
	WeekStart  string
}

var (
	errWeekPlanNotFound = domain.NotFound("meal plan not found")
	errWeekRequired     = domain.Invalid("mealPlanId or weekStart is required",
		map[string]string{"mealPlanId": "mealPlanId or weekStart is required"})
)

// weekPlan returns the caller's plan for ref. A week without a stored plan
// is an empty, unsaved plan (ID ""); a plan id that is unknown or another
// user's is NOT_FOUND.
func (a *AI) weekPlan(ctx context.Context, userID string, ref WeekRef) (*planning.Plan, error) {
	if id := strings.TrimSpace(ref.MealPlanID); id != "" {
		p, err := a.Plans.Get(ctx, userID, id)
		if domain.IsCode(err, domain.CodeNotFound) {
			return nil, errWeekPlanNotFound
		}
		return p, err
	}
	if strings.TrimSpace(ref.WeekStart) == "" {
		return nil, errWeekRequired
	}
	d, err := planning.ParseDate(strings.TrimSpace(ref.WeekStart))
	if err != nil {
		return nil, domain.Invalid("invalid date", map[string]string{"weekStart": "must be a date YYYY-MM-DD"})
	}
	p, err := a.Plans.ForWeek(ctx, userID, d.WeekStart())
	if domain.IsCode(err, domain.CodeNotFound) {
		return planning.NewPlan("", userID, d, a.Clock.Now()), nil
	}
	return p, err
}

// plannedRecipes loads the live recipes of a plan's slots by id. A recipe
// deleted since it was planned is absent from the map; callers decide what
// its slot means.
func (a *AI) plannedRecipes(ctx context.Context, p *planning.Plan) (map[int64]*recipe.Recipe, error) {
	var ids []int64
	seen := map[int64]bool{}
	for _, day := range p.DaysInOrder() {
		for _, m := range day.Meals {
			if !seen[m.Slot.RecipeID] {
				seen[m.Slot.RecipeID] = true
				ids = append(ids, m.Slot.RecipeID)
			}
		}
	}
	rs, err := a.Catalogue.Recipes.GetMany(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]*recipe.Recipe, len(rs))
	for _, r := range rs {
		out[r.ID] = r
	}
	return out, nil
}
