package memory

import (
	"context"
	"sort"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/ports"
)

// ActivityRepository is the in-memory ports.ActivityRepository of a Store.
type ActivityRepository struct{ s *Store }

var _ ports.ActivityRepository = (*ActivityRepository)(nil)

var errActivityTaken = domain.Conflict("record already exists")

func copyActivity(a activity.Activity) activity.Activity {
	c := a
	c.Timestamp = utc(a.Timestamp)
	c.Metadata = copyMap(a.Metadata)
	return c
}

// Add appends an activity. CONFLICT when the id is taken.
func (r *ActivityRepository) Add(_ context.Context, a activity.Activity) error {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	if r.s.activityID[a.ID] {
		return errActivityTaken
	}
	r.s.activityID[a.ID] = true
	r.s.activities[a.UserID] = append(r.s.activities[a.UserID], copyActivity(a))
	return nil
}

// List returns the user's newest activities first, at most limit of them
// (none when limit is not positive).
func (r *ActivityRepository) List(_ context.Context, userID string, limit int) ([]activity.Activity, error) {
	acts := r.sorted(userID)
	for i, j := 0, len(acts)-1; i < j; i, j = i+1, j-1 {
		acts[i], acts[j] = acts[j], acts[i]
	}
	return acts[:min(max(limit, 0), len(acts))], nil
}

// All returns every activity of the user, oldest first.
func (r *ActivityRepository) All(_ context.Context, userID string) ([]activity.Activity, error) {
	return r.sorted(userID), nil
}

// sorted copies the user's activities oldest first, ties broken by id, as the
// SQL adapter orders them.
func (r *ActivityRepository) sorted(userID string) []activity.Activity {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	acts := make([]activity.Activity, 0, len(r.s.activities[userID]))
	for _, a := range r.s.activities[userID] {
		acts = append(acts, copyActivity(a))
	}
	sort.SliceStable(acts, func(i, j int) bool {
		if !acts[i].Timestamp.Equal(acts[j].Timestamp) {
			return acts[i].Timestamp.Before(acts[j].Timestamp)
		}
		return acts[i].ID < acts[j].ID
	})
	return acts
}
