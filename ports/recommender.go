package ports

import (
	"context"
	"time"
)

// RecommendationRequest asks for recipes one user might like.
type RecommendationRequest struct {
	UserID string
	// Count is how many suggestions the caller will show (1 or more).
	Count int
	// MealType narrows the suggestions to breakfast, lunch, dinner or snack;
	// "" means any. A remote recommender may ignore it, so callers filter too.
	MealType string
	// Context carries contextual metadata (device, time of day) for
	// recommenders that weigh it; nil is fine.
	Context map[string]string
	// ExcludeIDs are recipes that must not come back (already planned,
	// explicitly excluded by the client).
	ExcludeIDs []int64
}

// Recommendation is one suggested recipe.
type Recommendation struct {
	RecipeID int64
	// Score is the recommender's confidence, 0–1, higher is better.
	Score float64
}

// Recommender suggests recipes for a user.
type Recommender interface {
	// Recommend returns candidates best first, never one of ExcludeIDs. It
	// may return more than Count, so a caller that filters by hard
	// constraints still has enough, or fewer, down to none for a user it
	// knows nothing about. VALIDATION_ERROR for an empty UserID or a Count
	// below 1; SERVICE_UNAVAILABLE when the recommender cannot answer (down,
	// too slow, its circuit open). Callers fall back to another recommender
	// on any error.
	Recommend(ctx context.Context, req RecommendationRequest) ([]Recommendation, error)
}

// EventType names an interaction worth learning from.
type EventType string

// The interactions the recommender learns from.
const (
	EventMealPlanned           EventType = "meal_planned"
	EventRecipeFavorited       EventType = "recipe_favorited"
	EventRecipeViewed          EventType = "recipe_viewed"
	EventRecipeRated           EventType = "recipe_rated"
	EventShoppingListGenerated EventType = "shopping_list_generated"
)

// Valid reports whether t is one of the known event types.
func (t EventType) Valid() bool {
	switch t {
	case EventMealPlanned, EventRecipeFavorited, EventRecipeViewed, EventRecipeRated, EventShoppingListGenerated:
		return true
	}
	return false
}

// NeedsRecipe reports whether events of type t are about one recipe; a
// generated shopping list covers a whole plan and has none.
func (t EventType) NeedsRecipe() bool { return t.Valid() && t != EventShoppingListGenerated }

// Event is one interaction of a user with the catalogue.
type Event struct {
	UserID string
	// SessionID groups a user's events; the JWT id or a device id will do.
	SessionID string
	Type      EventType
	// RecipeID is the recipe concerned; 0 only for a generated shopping list.
	RecipeID int64
	// At is when it happened; zero means now.
	At time.Time
	// Properties are extra flat fields, like "rating" for a rated recipe.
	Properties map[string]string
}

// EventTracker sends interactions to the recommender so it learns from them.
type EventTracker interface {
	// Track records one event. It may deliver later: a nil error means
	// accepted, not delivered, and a tracker that cannot keep up may drop
	// events rather than slow the request down. VALIDATION_ERROR for an
	// event without user, with an unknown type or without the recipe its
	// type needs; SERVICE_UNAVAILABLE when a tracker that delivers at once
	// cannot reach the service.
	Track(ctx context.Context, e Event) error
}
