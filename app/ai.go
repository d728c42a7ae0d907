package app

import (
	"context"
	"log/slog"

	"github.com/mealplanner/backend/ports"
)

// AIDeps are the ports the AI use cases need. Recommender may be nil: the
// local hybrid recommender then answers every request.
type AIDeps struct {
	Catalogue   *Catalogue
	Plans       ports.PlanRepository
	Users       ports.UserRepository
	Favorites   ports.FavoriteRepository
	Ratings     ports.RatingRepository
	Recommender ports.Recommender
	Events      ports.EventTracker
	Cache       ports.Cache
	Clock       ports.Clock
	IDs         ports.IDGenerator
	Logger      *slog.Logger
}

// AI implements CONTRACT §7: suggestions, the nutrition balance of a week,
// ingredient substitutions and plan generation.
type AI struct {
	AIDeps
	tasks *tasks
	// suggest holds the recommender index and the fallback counters.
	suggest suggester
	// subs is the substitution guide, built on first use.
	subs substitutions
}

// NewAI builds the AI use cases.
func NewAI(deps AIDeps) (*AI, error) {
	if deps.Logger == nil {
		deps.Logger = slog.Default()
	}
	return &AI{AIDeps: deps, tasks: newTasks(deps.Logger)}, nil
}

// Drain waits for background work to finish.
func (a *AI) Drain(ctx context.Context) error { return a.tasks.Wait(ctx) }
