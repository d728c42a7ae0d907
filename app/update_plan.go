package app

import (
	"context"

	"github.com/mealplanner/backend/domain/planning"
)

// UpdatePlanInput changes a plan's slots and notes. A nil field is left as
// it is.
type UpdatePlanInput struct {
	ID    string
	Days  DaysInput // nil: the slots stay; with Merge false the given days become the whole plan
	Notes *string
	// Merge writes the given slots over the plan's and keeps the others
	// (PATCH); without it the given days replace every slot (PUT).
	Merge bool
}

// UpdatePlan replaces or merges one of the caller's plans. Every problem
// (a date outside the week, an unknown meal type, bad servings, a recipe not
// in the catalogue) is reported at once and nothing changes.
func (p *Planner) UpdatePlan(ctx context.Context, pr Principal, in UpdatePlanInput) (*planning.Plan, error) {
	var plan *planning.Plan
	var before planning.Days
	err := retryStale(ctx, func() error {
		var err error
		if plan, err = p.loadPlan(ctx, pr.UserID, in.ID); err != nil {
			return err
		}
		// Merge edits the days in place; the events need the slots as stored.
		before = plan.Clone().Days
		now := p.Clock.Now()
		err = p.editDays(ctx, pr.UserID, plan, in.Days, func(days planning.Days) error {
			if in.Merge || in.Days == nil {
				return plan.Merge(days, in.Notes, now)
			}
			notes := plan.Notes
			if in.Notes != nil {
				notes = *in.Notes
			}
			return plan.Replace(days, notes, now)
		})
		if err != nil {
			return err
		}
		return p.Plans.Save(ctx, plan)
	})
	if err != nil {
		return nil, err
	}
	p.events.mealsPlanned(ctx, pr, before, plan)
	return plan, nil
}
