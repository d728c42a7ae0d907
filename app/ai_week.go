package app

import (
	"context"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
)

// weekPlan returns the caller's plan for ref. A week without a stored plan
// is an empty, unsaved plan (ID ""); a plan id that is unknown or another
// user's is NOT_FOUND.
func (a *AI) weekPlan(ctx context.Context, userID string, ref WeekRef) (*planning.Plan, error) {
	p, week, err := findPlan(ctx, a.Plans, userID, ref)
	if domain.IsCode(err, domain.CodeNotFound) && ref.MealPlanID == "" {
		return planning.NewPlan("", userID, week, a.Clock.Now()), nil
	}
	return p, err
}
