package app

import (
	"context"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
)

// WeekPlan returns the caller's plan of the week holding weekStart (any day
// of it). A week without a stored plan gives an empty plan with no ID and
// zero times; nothing is written, so looking at a week creates nothing.
func (p *Planner) WeekPlan(ctx context.Context, pr Principal, weekStart string) (*planning.Plan, error) {
	var fe domain.FieldErrors
	d := parseDateField(&fe, "weekStart", weekStart)
	if err := fe.Err(); err != nil {
		return nil, err
	}
	plan, err := p.Plans.ForWeek(ctx, pr.UserID, d.WeekStart())
	if domain.IsCode(err, domain.CodeNotFound) {
		return &planning.Plan{UserID: pr.UserID, WeekStart: d.WeekStart(), Days: planning.Days{}}, nil
	}
	return plan, err
}

// Plan returns one of the caller's plans by id.
func (p *Planner) Plan(ctx context.Context, pr Principal, id string) (*planning.Plan, error) {
	return p.loadPlan(ctx, pr.UserID, id)
}
