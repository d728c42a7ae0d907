package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/domain/planning"
)

// ClearPlanInput names what to empty: the given meal types on the given
// dates, where no dates means the whole week and no meal types every meal.
type ClearPlanInput struct {
	PlanID    string
	Dates     []string
	MealTypes []string
}

// ClearPlan empties slots of one of the caller's plans and returns the plan.
// Clearing what is already empty is no change and records nothing.
func (p *Planner) ClearPlan(ctx context.Context, pr Principal, in ClearPlanInput) (*planning.Plan, error) {
	dates, meals, badDates := parseClear(in)
	var plan *planning.Plan
	removed := 0
	err := retryStale(ctx, func() error {
		var err error
		if plan, err = p.loadPlan(ctx, pr.UserID, in.PlanID); err != nil {
			return err
		}
		before := plan.MealCount()
		// The plan's week is needed to judge the dates, so malformed dates are
		// reported together with dates outside it and unknown meal types.
		if err := joinInvalid(badDates, plan.Clear(dates, meals, p.Clock.Now())); err != nil {
			return err
		}
		if removed = before - plan.MealCount(); removed == 0 {
			return nil
		}
		return p.Plans.Save(ctx, plan)
	})
	if err != nil {
		return nil, err
	}
	if removed > 0 {
		p.log.record(pr.UserID, activity.ClearPlan, fmt.Sprintf("Cleared %d meal(s) from the week of %s", removed, plan.WeekStart),
			plan.ID, map[string]string{"mealPlanId": plan.ID, "removed": fmt.Sprint(removed)})
	}
	return plan, nil
}

// parseClear reads the dates, naming each malformed one by its index, and
// the meal types in lower case; the plan judges whether they are known.
func parseClear(in ClearPlanInput) ([]planning.Date, []planning.MealType, error) {
	var fe domain.FieldErrors
	dates := make([]planning.Date, len(in.Dates))
	for i, s := range in.Dates {
		dates[i] = parseDateField(&fe, fmt.Sprintf("dates[%d]", i), s)
	}
	meals := make([]planning.MealType, len(in.MealTypes))
	for i, s := range in.MealTypes {
		meals[i] = planning.MealType(strings.ToLower(strings.TrimSpace(s)))
	}
	return dates, meals, fe.Err()
}
