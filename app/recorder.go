package app

import (
	"context"
	"log/slog"

	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/ports"
)

// recorder appends to users' activity logs in the background: the request
// that caused an entry neither waits for nor fails because of the log.
type recorder struct {
	activities ports.ActivityRepository
	ids        ports.IDGenerator
	clock      ports.Clock
	logger     *slog.Logger
	tasks      *tasks
}

func newRecorder(a ports.ActivityRepository, ids ports.IDGenerator, clock ports.Clock, logger *slog.Logger) *recorder {
	return &recorder{activities: a, ids: ids, clock: clock, logger: logger, tasks: newTasks(logger)}
}

// record logs one activity; details and relatedID are as activity.New takes them.
func (r *recorder) record(userID string, action activity.Action, details, relatedID string, metadata map[string]string) {
	act, err := activity.New(r.ids.NewID(), userID, action, details, relatedID, metadata, r.clock.Now())
	if err != nil {
		r.logger.Warn("activity not recorded", "action", action, "err", err)
		return
	}
	r.tasks.Go("record activity", func(ctx context.Context) error { return r.activities.Add(ctx, act) })
}

// Wait blocks until the pending records are written or ctx ends.
func (r *recorder) wait(ctx context.Context) error { return r.tasks.Wait(ctx) }
