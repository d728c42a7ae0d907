package app

import (
	"context"
	"fmt"

	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/domain/planning"
)

// RemoveMealInput names one slot of a plan.
type RemoveMealInput struct {
	PlanID   string
	Date     string
	MealType string
}

// RemoveMeal empties a slot and returns the plan. Emptying an empty slot is
// no change and records nothing, so a repeated request is harmless.
func (p *Planner) RemoveMeal(ctx context.Context, pr Principal, in RemoveMealInput) (*planning.Plan, error) {
	d, m, err := parseMealPlace(in.Date, in.MealType)
	if err != nil {
		return nil, err
	}
	var plan *planning.Plan
	var removed planning.Slot
	var had bool
	err = retryStale(ctx, func() error {
		var err error
		if plan, err = p.loadPlan(ctx, pr.UserID, in.PlanID); err != nil {
			return err
		}
		removed, had = plan.Get(d, m)
		if err := plan.Remove(d, m, p.Clock.Now()); err != nil || !had {
			return err
		}
		return p.Plans.Save(ctx, plan)
	})
	if err != nil {
		return nil, err
	}
	if had {
		p.log.record(pr.UserID, activity.RemoveMeal, fmt.Sprintf("Removed %s from %s on %s", removed.RecipeName, m, d),
			recipeIDText(removed.RecipeID), map[string]string{"mealPlanId": plan.ID, "date": d.String(), "mealType": m.String()})
	}
	return plan, nil
}
