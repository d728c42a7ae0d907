package personalize_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mealplanner/backend/adapters/personalize"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

func event(user, session string, recipe int64) ports.Event {
	return ports.Event{UserID: user, SessionID: session, Type: ports.EventMealPlanned, RecipeID: recipe, At: at}
}

func mustTrack(t *testing.T, tr *personalize.Tracker, events ...ports.Event) {
	t.Helper()
	for _, e := range events {
		if err := tr.Track(t.Context(), e); err != nil {
			t.Fatalf("Track(%+v): %v", e, err)
		}
	}
}

// summarise writes each PutEvents call as "user/session: item ids".
func summarise(calls []putEventsBody) []string {
	out := make([]string, 0, len(calls))
	for _, c := range calls {
		out = append(out, c.UserID+"/"+c.SessionID+": "+strings.Join(itemIDs(c), ","))
	}
	return out
}

// TestTrackerBatchesByUserAndSession holds the service on the first call
// so that the rest pile up in the queue, then checks how the pile was cut.
func TestTrackerBatchesByUserAndSession(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	tr := personalize.NewTracker(mustClient(t, f), personalize.TrackerConfig{})
	f.hold()
	mustTrack(t, tr, event("a", "s1", 100))
	f.awaitArrival(t)
	for i := range 12 {
		mustTrack(t, tr, event("a", "s1", int64(i+1)))
	}
	mustTrack(t, tr, event("b", "s2", 50), event("a", "s3", 60), event("b", "s2", 51))
	f.release()
	if err := tr.Close(t.Context()); err != nil {
		t.Fatalf("Close: %v", err)
	}
	want := []string{
		"a/s1: 100",
		"a/s1: 1,2,3,4,5,6,7,8,9,10",
		"a/s1: 11,12",
		"b/s2: 50,51",
		"a/s3: 60",
	}
	if got := summarise(f.putEvents()); !slices.Equal(got, want) {
		t.Errorf("calls =\n%q\nwant\n%q", got, want)
	}
	if got := tr.Stats(); got != (personalize.TrackerStats{Sent: 16}) {
		t.Errorf("stats = %+v, want 16 sent", got)
	}
}

func TestTrackerDrainsOnClose(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	tr := personalize.NewTracker(mustClient(t, f), personalize.TrackerConfig{})
	var want []string
	for i := range 25 {
		mustTrack(t, tr, event("u", "s", int64(i+1)))
		want = append(want, strconv.Itoa(i+1))
	}
	if err := tr.Close(t.Context()); err != nil {
		t.Fatalf("Close: %v", err)
	}
	var got []string
	for _, c := range f.putEvents() {
		if len(c.EventList) > personalize.MaxBatch {
			t.Errorf("a call carried %d events", len(c.EventList))
		}
		got = append(got, itemIDs(c)...)
	}
	if !slices.Equal(got, want) {
		t.Errorf("delivered %v, want %v", got, want)
	}
	// Closed: later events are dropped, not sent and not an error.
	mustTrack(t, tr, event("u", "s", 99))
	if st := tr.Stats(); st.Sent != 25 || st.Dropped != 1 {
		t.Errorf("stats = %+v, want 25 sent and 1 dropped", st)
	}
}

// TestTrackerDropsWhenFull fills a queue of one while the worker is stuck
// on the service.
func TestTrackerDropsWhenFull(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	tr := personalize.NewTracker(mustClient(t, f), personalize.TrackerConfig{QueueSize: 1})
	f.hold()
	mustTrack(t, tr, event("u", "s", 1))
	f.awaitArrival(t)
	mustTrack(t, tr, event("u", "s", 2), event("u", "s", 3))
	f.release()
	if err := tr.Close(t.Context()); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if got, want := summarise(f.putEvents()), []string{"u/s: 1", "u/s: 2"}; !slices.Equal(got, want) {
		t.Errorf("calls = %q, want %q", got, want)
	}
	if got := tr.Stats(); got != (personalize.TrackerStats{Sent: 2, Dropped: 1}) {
		t.Errorf("stats = %+v, want 2 sent and 1 dropped", got)
	}
}

// TestTrackerCloseGivesUp: when Close's context ends before the queue is
// empty, the call in flight is abandoned and the rest dropped.
func TestTrackerCloseGivesUp(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	tr := personalize.NewTracker(mustClient(t, f), personalize.TrackerConfig{})
	f.hold()
	mustTrack(t, tr, event("u", "s", 1))
	f.awaitArrival(t)
	mustTrack(t, tr, event("u", "s", 2))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := tr.Close(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Close = %v, want context.Canceled", err)
	}
	if got := tr.Stats(); got != (personalize.TrackerStats{Failed: 1, Dropped: 1}) {
		t.Errorf("stats = %+v, want 1 failed and 1 dropped", got)
	}
}

func TestTrackerCountsFailedCalls(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.fail(http.StatusInternalServerError, "InternalServerError")
	tr := personalize.NewTracker(mustClient(t, f), personalize.TrackerConfig{})
	mustTrack(t, tr, event("u", "s", 1), event("u", "s", 2))
	if err := tr.Close(t.Context()); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if st := tr.Stats(); st.Failed != 2 || st.Sent != 0 {
		t.Errorf("stats = %+v, want 2 failed", st)
	}
}

func TestTrackerRefusesInvalidEvents(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	tr := personalize.NewTracker(mustClient(t, f), personalize.TrackerConfig{})
	tests := []struct {
		name  string
		event ports.Event
	}{
		{"no user", ports.Event{Type: ports.EventRecipeViewed, RecipeID: 1}},
		{"unknown type", ports.Event{UserID: "u", Type: "recipe_cooked", RecipeID: 1}},
		{"no recipe", ports.Event{UserID: "u", Type: ports.EventRecipeFavorited}},
		{"negative recipe", ports.Event{UserID: "u", Type: ports.EventShoppingListGenerated, RecipeID: -1}},
	}
	for _, tc := range tests {
		if err := tr.Track(t.Context(), tc.event); !domain.IsCode(err, domain.CodeValidation) {
			t.Errorf("%s: err = %v, want VALIDATION_ERROR", tc.name, err)
		}
	}
	if err := tr.Close(t.Context()); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if calls := f.putEvents(); len(calls) != 0 {
		t.Errorf("%d calls reached the service, want none", len(calls))
	}
}
