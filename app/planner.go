package app

import (
	"context"
	"log/slog"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

// PlannerDeps are the ports the meal-plan use cases need.
type PlannerDeps struct {
	Plans      ports.PlanRepository
	Recipes    ports.RecipeRepository
	Users      ports.UserRepository
	Activities ports.ActivityRepository
	// Events feeds planned meals to the recommender; nil turns them off.
	Events ports.EventTracker
	Clock  ports.Clock
	IDs    ports.IDGenerator
	Logger *slog.Logger
}

// Planner implements the weekly meal plans of CONTRACT §5. Every plan use
// case acts on the caller's own plans: another user's plan is reported as
// missing, whatever the caller's role.
type Planner struct {
	PlannerDeps
	log    *recorder
	events eventSink
}

// NewPlanner builds the meal-plan use cases.
func NewPlanner(deps PlannerDeps) *Planner {
	if deps.Logger == nil {
		deps.Logger = slog.Default()
	}
	return &Planner{PlannerDeps: deps, log: newRecorder(deps.Activities, deps.IDs, deps.Clock, deps.Logger),
		events: newEventSink(deps.Events, deps.Clock, deps.Logger)}
}

// Drain waits for background work (activity records) to finish.
func (p *Planner) Drain(ctx context.Context) error { return p.log.wait(ctx) }

// The client messages of the plan use cases.
var (
	errNoMealPlan     = domain.NotFound("meal plan not found")
	errMealPlanExists = domain.Conflict("meal plan already exists for this week")
	errMealPlanBusy   = domain.Conflict("meal plan was changed by another request, please try again")
)

// planAttempts bounds the load-edit-save cycles of one change. Two requests
// editing one plan at once are rare, so a third clash means something keeps
// rewriting the plan and the client had better hear about it.
const planAttempts = 3

// retryStale runs attempt again while it fails with CONFLICT (a plan saved
// meanwhile, or a week's plan created meanwhile), at most planAttempts times.
// Each attempt reloads what it edits, so a retry builds on the winner's work.
func retryStale(ctx context.Context, attempt func() error) error {
	for range planAttempts {
		err := attempt()
		if !domain.IsCode(err, domain.CodeConflict) {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return errMealPlanBusy
}
