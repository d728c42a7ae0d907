package app

import (
	"context"
	"fmt"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/domain/planning"
)

// CopyDayInput copies one day of a plan onto other dates.
type CopyDayInput struct {
	PlanID      string
	SourceDate  string // must lie in the plan's week
	TargetDates []string
	// ReplaceExisting makes each target day a copy of the source day; without
	// it only the targets' empty slots are filled.
	ReplaceExisting bool
}

// CopyDay copies a day's meals onto up to planning.MaxCopyTargets dates and
// returns the source plan. Targets in other weeks go to those weeks' plans,
// created when missing; every changed plan is saved at once, or none is.
// An empty source day is a validation error ("the selected day has no meals").
func (p *Planner) CopyDay(ctx context.Context, pr Principal, in CopyDayInput) (*planning.Plan, error) {
	from, targets, err := parseCopyDay(in)
	if err != nil {
		return nil, err
	}
	var src *planning.Plan
	var changed []*planning.Plan
	err = retryStale(ctx, func() error {
		var err error
		if src, err = p.loadPlan(ctx, pr.UserID, in.PlanID); err != nil {
			return err
		}
		var weeks map[planning.Date]*planning.Plan
		if weeks, err = p.targetWeeks(ctx, pr.UserID, src, targets); err != nil {
			return err
		}
		planFor := func(ws planning.Date) *planning.Plan { return weeks[ws] }
		changed, err = planning.CopyDay(src, from, targets, in.ReplaceExisting, planFor, p.Clock.Now())
		if err != nil || len(changed) == 0 {
			return err
		}
		return p.Plans.Save(ctx, changed...)
	})
	if err != nil {
		return nil, err
	}
	if len(changed) > 0 {
		p.log.record(pr.UserID, activity.CopyDay, fmt.Sprintf("Copied the meals of %s to %d day(s)", from, countTargets(from, targets)),
			src.ID, map[string]string{"mealPlanId": src.ID, "sourceDate": from.String()})
	}
	return src, nil
}

// targetWeeks loads, or starts, the plan of every target's week other than
// src's. Too many targets load nothing: CopyDay refuses them before asking.
func (p *Planner) targetWeeks(ctx context.Context, userID string, src *planning.Plan, targets []planning.Date) (map[planning.Date]*planning.Plan, error) {
	weeks := map[planning.Date]*planning.Plan{}
	if len(targets) > planning.MaxCopyTargets {
		return weeks, nil
	}
	for _, t := range targets {
		ws := t.WeekStart()
		if ws.Equal(src.WeekStart) || weeks[ws] != nil {
			continue
		}
		plan, err := p.weekPlanOrNew(ctx, userID, ws)
		if err != nil {
			return nil, err
		}
		weeks[ws] = plan
	}
	return weeks, nil
}

// parseCopyDay reads the source and target dates, naming each bad one.
func parseCopyDay(in CopyDayInput) (planning.Date, []planning.Date, error) {
	var fe domain.FieldErrors
	from := parseDateField(&fe, "sourceDate", in.SourceDate)
	targets := make([]planning.Date, len(in.TargetDates))
	if len(in.TargetDates) <= planning.MaxCopyTargets {
		for i, s := range in.TargetDates {
			targets[i] = parseDateField(&fe, fmt.Sprintf("targetDates[%d]", i), s)
		}
	}
	return from, targets, fe.Err()
}

// countTargets counts the distinct target dates other than the source.
func countTargets(from planning.Date, targets []planning.Date) int {
	seen := map[planning.Date]bool{from: true}
	for _, t := range targets {
		seen[t] = true
	}
	return len(seen) - 1
}
