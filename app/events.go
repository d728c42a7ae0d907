package app

import (
	"context"
	"log/slog"
	"strconv"
	"time"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/ports"
)

// eventTimeout bounds one Track call. Trackers are meant to return at once
// (queue and deliver later); one that blocks must not hold a response long.
const eventTimeout = 2 * time.Second

// eventSink sends users' interactions to the recommender's tracker. Events
// are a side channel like the activity log: a request never fails because
// of one, and an event the tracker refuses is logged and dropped.
type eventSink struct {
	tracker ports.EventTracker // nil: events are off
	clock   ports.Clock        // nil: the tracker stamps the time
	logger  *slog.Logger
}

func newEventSink(tracker ports.EventTracker, clock ports.Clock, logger *slog.Logger) eventSink {
	return eventSink{tracker: tracker, clock: clock, logger: logger}
}

// send tracks one event of the caller p. Anonymous callers send nothing:
// the recommender learns per user.
func (s eventSink) send(ctx context.Context, p Principal, t ports.EventType, recipeID int64, props map[string]string) {
	if s.tracker == nil || p.UserID == "" {
		return
	}
	e := ports.Event{UserID: p.UserID, SessionID: sessionOf(p), Type: t, RecipeID: recipeID, Properties: props}
	if s.clock != nil {
		e.At = s.clock.Now()
	}
	// The response may be written, and ctx cancelled, before a tracker that
	// delivers at once is done: the event outlives the request.
	tctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), eventTimeout)
	defer cancel()
	if err := s.tracker.Track(tctx, e); err != nil {
		s.logger.Warn("recommender event dropped", "event", t, "user_id", p.UserID, "recipe_id", recipeID, "err", err)
	}
}

// sessionOf groups a caller's events by their sign-in (the refresh family,
// which outlives each access token), else by the access token.
func sessionOf(p Principal) string {
	if p.SessionID != "" {
		return p.SessionID
	}
	return p.TokenID
}

// mealPlanned tracks one recipe put into a plan at d and m.
func (s eventSink) mealPlanned(ctx context.Context, p Principal, recipeID int64, d planning.Date, m planning.MealType) {
	s.send(ctx, p, ports.EventMealPlanned, recipeID, map[string]string{"mealType": m.String(), "date": d.String()})
}

// mealsPlanned tracks every slot of after that before did not hold: a new
// place, or another recipe at an old place. Slots merely kept (same recipe,
// even with new servings or note) say nothing new about the user's taste.
func (s eventSink) mealsPlanned(ctx context.Context, p Principal, before planning.Days, after *planning.Plan) {
	if s.tracker == nil {
		return
	}
	for _, day := range after.DaysInOrder() {
		for _, meal := range day.Meals {
			if old, ok := before[day.Date][meal.Type]; ok && old.RecipeID == meal.Slot.RecipeID {
				continue
			}
			s.mealPlanned(ctx, p, meal.Slot.RecipeID, day.Date, meal.Type)
		}
	}
}

// rated tracks the caller's stars for a recipe.
func (s eventSink) rated(ctx context.Context, p Principal, recipeID int64, stars int) {
	s.send(ctx, p, ports.EventRecipeRated, recipeID, map[string]string{"rating": strconv.Itoa(stars)})
}
