package app

import (
	"context"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
)

// CopyWeekInput copies a whole plan onto another week.
type CopyWeekInput struct {
	PlanID          string
	TargetWeekStart string // any day of the target week
	// ReplaceExisting makes each target day a copy of the source day (a day
	// empty in the source is emptied); without it only empty slots are filled.
	ReplaceExisting bool
}

// CopyWeek copies one of the caller's plans day by day onto the target week,
// whose plan is created when missing, and returns the target plan. Notes
// are not copied. An empty source week is a validation error ("the selected
// week has no meals").
func (p *Planner) CopyWeek(ctx context.Context, pr Principal, in CopyWeekInput) (*planning.Plan, error) {
	var fe domain.FieldErrors
	target := parseDateField(&fe, "targetWeekStart", in.TargetWeekStart).WeekStart()
	if err := fe.Err(); err != nil {
		return nil, err
	}
	var dst *planning.Plan
	err := retryStale(ctx, func() error {
		src, err := p.loadPlan(ctx, pr.UserID, in.PlanID)
		if err != nil {
			return err
		}
		if dst = src; !target.Equal(src.WeekStart) {
			if dst, err = p.weekPlanOrNew(ctx, pr.UserID, target); err != nil {
				return err
			}
		}
		before := dst.Clone()
		if err := planning.CopyWeek(src, dst, in.ReplaceExisting, p.Clock.Now()); err != nil {
			return err
		}
		if dst.Version > 0 && sameDays(before.Days, dst.Days) {
			return nil
		}
		return p.Plans.Save(ctx, dst)
	})
	if err != nil {
		return nil, err
	}
	return dst, nil
}
