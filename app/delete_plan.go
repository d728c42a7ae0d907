package app

import "context"

// DeletePlan removes one of the caller's plans. The shopping lists made from
// it stay, no longer linked to a plan.
func (p *Planner) DeletePlan(ctx context.Context, pr Principal, id string) error {
	return notFoundAs(p.Plans.Delete(ctx, pr.UserID, id), errNoMealPlan)
}
