package memory

import (
	"context"
	"sync"

	"github.com/mealplanner/backend/ports"
)

// EventLog is a ports.EventTracker that keeps the events in memory: the
// embedded default has no remote recommender to feed, and tests read back
// what the use cases tracked.
type EventLog struct {
	mu     sync.Mutex
	events []ports.Event
	limit  int
}

var _ ports.EventTracker = (*EventLog)(nil)

// DefaultEventLogSize bounds the events an EventLog keeps.
const DefaultEventLogSize = 10_000

// NewEventLog keeps the last limit events (DefaultEventLogSize when ≤ 0).
func NewEventLog(limit int) *EventLog {
	if limit <= 0 {
		limit = DefaultEventLogSize
	}
	return &EventLog{limit: limit}
}

// Track records e, dropping the oldest event when the log is full.
func (l *EventLog) Track(_ context.Context, e ports.Event) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.events) == l.limit {
		// Re-slicing is O(1); append copies only the live events when it
		// next grows the array, so memory stays bounded by about 2×limit.
		l.events = l.events[1:]
	}
	l.events = append(l.events, e)
	return nil
}

// Events returns a copy of the recorded events, oldest first.
func (l *EventLog) Events() []ports.Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]ports.Event(nil), l.events...)
}
