package app

import (
	"context"
	"log/slog"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/ports"
)

// PublicURL is the address clients reach this API at ("https://api.example.com"),
// for links that leave the API: shared shopping lists, unsubscribe links.
type PublicURL string

// ShoppingDeps are the ports the shopping-list use cases need.
type ShoppingDeps struct {
	Lists      ports.ShoppingListRepository
	Plans      ports.PlanRepository
	Recipes    ports.RecipeRepository
	Users      ports.UserRepository
	Activities ports.ActivityRepository
	// Events feeds generated lists to the recommender; nil turns them off.
	Events    ports.EventTracker
	Clock     ports.Clock
	IDs       ports.IDGenerator
	PublicURL PublicURL
	Logger    *slog.Logger
}

// Shopping implements the shopping lists of CONTRACT §6.
type Shopping struct {
	ShoppingDeps
	foods  *food.Table
	log    *recorder
	events eventSink
}

// NewShopping builds the shopping-list use cases around the embedded food table.
func NewShopping(deps ShoppingDeps) (*Shopping, error) {
	if deps.Logger == nil {
		deps.Logger = slog.Default()
	}
	foods, err := food.Load()
	if err != nil {
		return nil, err
	}
	return &Shopping{ShoppingDeps: deps, foods: foods,
		log:    newRecorder(deps.Activities, deps.IDs, deps.Clock, deps.Logger),
		events: newEventSink(deps.Events, deps.Clock, deps.Logger)}, nil
}

// Drain waits for background work (activity records) to finish.
func (s *Shopping) Drain(ctx context.Context) error { return s.log.wait(ctx) }
