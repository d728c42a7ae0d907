package app

import (
	"context"
	"log/slog"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/ports"
)

// CatalogueDeps are the ports the recipe use cases need.
type CatalogueDeps struct {
	Recipes    ports.RecipeRepository
	Favorites  ports.FavoriteRepository
	Ratings    ports.RatingRepository
	Users      ports.UserRepository
	Activities ports.ActivityRepository
	Images     ports.ImageStore
	Imaging    ports.ImageProcessor
	Cache      ports.Cache
	// Events feeds views, favourites and ratings to the recommender; nil
	// turns them off.
	Events ports.EventTracker
	Clock  ports.Clock
	IDs    ports.IDGenerator
	Logger *slog.Logger
}

// Catalogue implements browsing, searching, favourites, ratings and the
// admin side of the recipe catalogue.
type Catalogue struct {
	CatalogueDeps
	foods  *food.Table
	cache  *catalogueCache
	tasks  *tasks
	snaps  snapshots
	events eventSink
}

// NewCatalogue builds the recipe use cases around the embedded food table.
func NewCatalogue(deps CatalogueDeps) (*Catalogue, error) {
	if deps.Logger == nil {
		deps.Logger = slog.Default()
	}
	foods, err := food.Load()
	if err != nil {
		return nil, err
	}
	return &Catalogue{CatalogueDeps: deps, foods: foods, tasks: newTasks(deps.Logger),
		cache:  &catalogueCache{cache: deps.Cache, logger: deps.Logger, ids: deps.IDs},
		events: newEventSink(deps.Events, deps.Clock, deps.Logger)}, nil
}

// CacheStats reports the catalogue cache's hits and misses since start.
func (c *Catalogue) CacheStats() CacheStats {
	return CacheStats{Hits: c.cache.hits.Load(), Misses: c.cache.misses.Load()}
}

// Drain waits for background work (activity records) to finish.
func (c *Catalogue) Drain(ctx context.Context) error { return c.tasks.Wait(ctx) }

// Page is one page of a listing.
type Page[T any] struct {
	Items []T
	Total int
	Page  int
	Limit int
}

// PageRequest asks for page Page (from 1) of Limit items.
type PageRequest struct {
	Page, Limit int
}

func (r PageRequest) offset() int { return (r.Page - 1) * r.Limit }

var (
	errRecipeNotFound = domain.NotFound("recipe not found")
	errAdminOnly      = &domain.Error{Code: domain.CodeForbidden, Message: "admin access required"}
)

// recordLater appends to the activity log in the background: the request
// that caused it does not wait for, or fail because of, the log.
func (c *Catalogue) recordLater(userID string, action activity.Action, details, relatedID string) {
	act, err := activity.New(c.IDs.NewID(), userID, action, details, relatedID, nil, c.Clock.Now())
	if err != nil {
		c.Logger.Warn("activity not recorded", "action", action, "err", err)
		return
	}
	c.tasks.Go("record activity", func(ctx context.Context) error { return c.Activities.Add(ctx, act) })
}
