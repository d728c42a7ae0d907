package app

import (
	"context"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
)

// CreatePlanInput is a new plan: its week (any day of it) and, optionally,
// its first slots and notes.
type CreatePlanInput struct {
	WeekStart string
	Days      DaysInput
	Notes     string
}

// CreatePlan stores a new plan for the caller. A user has one plan per week:
// CONFLICT "meal plan already exists for this week" when the week has one,
// also when another request created it at the same moment.
func (p *Planner) CreatePlan(ctx context.Context, pr Principal, in CreatePlanInput) (*planning.Plan, error) {
	var fe domain.FieldErrors
	d := parseDateField(&fe, "weekStart", in.WeekStart)
	if err := fe.Err(); err != nil {
		return nil, err
	}
	_, err := p.Plans.ForWeek(ctx, pr.UserID, d.WeekStart())
	switch {
	case err == nil:
		return nil, errMealPlanExists
	case !domain.IsCode(err, domain.CodeNotFound):
		return nil, err
	}
	now := p.Clock.Now()
	plan := planning.NewPlan(p.IDs.NewID(), pr.UserID, d, now)
	err = p.editDays(ctx, pr.UserID, plan, in.Days, func(days planning.Days) error {
		return plan.Replace(days, in.Notes, now)
	})
	if err != nil {
		return nil, err
	}
	if err := p.Plans.Save(ctx, plan); err != nil {
		if domain.IsCode(err, domain.CodeConflict) {
			return nil, errMealPlanExists
		}
		return nil, err
	}
	p.events.mealsPlanned(ctx, pr, nil, plan)
	return plan, nil
}
