package app

import (
	"context"
	"log/slog"

	"github.com/mealplanner/backend/ports"
)

// PlannerDeps are the ports the meal-plan use cases need.
type PlannerDeps struct {
	Plans      ports.PlanRepository
	Recipes    ports.RecipeRepository
	Users      ports.UserRepository
	Activities ports.ActivityRepository
	Clock      ports.Clock
	IDs        ports.IDGenerator
	Logger     *slog.Logger
}

// Planner implements the weekly meal plans of CONTRACT §5.
type Planner struct {
	PlannerDeps
	log *recorder
}

// NewPlanner builds the meal-plan use cases.
func NewPlanner(deps PlannerDeps) *Planner {
	if deps.Logger == nil {
		deps.Logger = slog.Default()
	}
	return &Planner{PlannerDeps: deps, log: newRecorder(deps.Activities, deps.IDs, deps.Clock, deps.Logger)}
}

// Drain waits for background work (activity records) to finish.
func (p *Planner) Drain(ctx context.Context) error { return p.log.wait(ctx) }
