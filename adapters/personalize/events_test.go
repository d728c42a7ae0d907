package personalize_test

import (
	"net/http"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/mealplanner/backend/adapters/personalize"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

var at = time.Date(2026, 3, 14, 12, 30, 15, 250_000_000, time.UTC)

func TestTrackSendsPutEvents(t *testing.T) {
	t.Parallel()
	const sentAt = 1773491415.25 // at, in epoch seconds
	tests := []struct {
		name  string
		event ports.Event
		want  putEventsBody
	}{
		{"meal planned", ports.Event{UserID: "u-1", SessionID: "s-1", Type: ports.EventMealPlanned, RecipeID: 42, At: at},
			putEventsBody{trackingID, "u-1", "s-1", []sentEvent{{"", "meal_planned", "42", sentAt, ""}}}},
		{"rated with properties", ports.Event{UserID: "u-1", SessionID: "s-1", Type: ports.EventRecipeRated, RecipeID: 7,
			At: at, Properties: map[string]string{"rating": "5"}},
			putEventsBody{trackingID, "u-1", "s-1", []sentEvent{{"", "recipe_rated", "7", sentAt, `{"rating":"5"}`}}}},
		{"no session falls back on the user", ports.Event{UserID: "u-2", Type: ports.EventRecipeViewed, RecipeID: 9, At: at},
			putEventsBody{trackingID, "u-2", "u-2", []sentEvent{{"", "recipe_viewed", "9", sentAt, ""}}}},
		{"shopping list has no item", ports.Event{UserID: "u-3", SessionID: "s-3", Type: ports.EventShoppingListGenerated, At: at},
			putEventsBody{trackingID, "u-3", "s-3", []sentEvent{{"", "shopping_list_generated", "", sentAt, ""}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			if err := mustClient(t, f).Track(t.Context(), tc.event); err != nil {
				t.Fatalf("Track: %v (refused: %v)", err, f.refusals())
			}
			calls := f.putEvents()
			if len(calls) != 1 || len(calls[0].EventList) != 1 {
				t.Fatalf("calls = %+v, want one call with one event", calls)
			}
			got := calls[0]
			if got.EventList[0].EventID == "" {
				t.Error("the event has no id")
			}
			got.EventList[0].EventID = ""
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("call = %+v\nwant   %+v", got, tc.want)
			}
		})
	}
}

func TestPutEventsRefusals(t *testing.T) {
	t.Parallel()
	ok := ports.Event{UserID: "u-1", SessionID: "s-1", Type: ports.EventRecipeViewed, RecipeID: 1}
	with := func(change func(*ports.Event)) ports.Event { e := ok; change(&e); return e }
	eleven := make([]ports.Event, personalize.MaxBatch+1)
	for i := range eleven {
		eleven[i] = ok
	}
	tests := []struct {
		name      string
		events    []ports.Event
		status    int
		secret    string
		wantCode  domain.Code
		wantCalls int
	}{
		{"no user", []ports.Event{with(func(e *ports.Event) { e.UserID = "" })}, 0, secretKey, domain.CodeValidation, 0},
		{"unknown type", []ports.Event{with(func(e *ports.Event) { e.Type = "recipe_cooked" })}, 0, secretKey, domain.CodeValidation, 0},
		{"recipe event without recipe", []ports.Event{with(func(e *ports.Event) { e.RecipeID = 0 })}, 0, secretKey, domain.CodeValidation, 0},
		{"two users in one call", []ports.Event{ok, with(func(e *ports.Event) { e.UserID = "u-2" })}, 0, secretKey, domain.CodeValidation, 0},
		{"two sessions in one call", []ports.Event{ok, with(func(e *ports.Event) { e.SessionID = "s-2" })}, 0, secretKey, domain.CodeValidation, 0},
		{"more than a batch", eleven, 0, secretKey, domain.CodeValidation, 0},
		{"server error", []ports.Event{ok}, http.StatusServiceUnavailable, secretKey, domain.CodeUnavailable, 1},
		{"unknown tracker", []ports.Event{ok}, http.StatusNotFound, secretKey, domain.CodeInternal, 1},
		{"wrong secret refused", []ports.Event{ok}, 0, "not-the-secret", domain.CodeInternal, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			f.fail(tc.status, "SetUpToFail")
			c := mustClient(t, f, func(c *personalize.Config) { c.SecretAccessKey = tc.secret })
			f.checkFailure(t, c.PutEvents(t.Context(), tc.events), tc.wantCode, tc.wantCalls, tc.secret != secretKey)
		})
	}
}

func TestPutEventsSendsABatch(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	events := make([]ports.Event, personalize.MaxBatch)
	for i := range events {
		events[i] = ports.Event{UserID: "u-1", SessionID: "s-1", Type: ports.EventMealPlanned, RecipeID: int64(i + 1), At: at}
	}
	if err := mustClient(t, f).PutEvents(t.Context(), events); err != nil {
		t.Fatalf("PutEvents: %v", err)
	}
	calls := f.putEvents()
	if len(calls) != 1 {
		t.Fatalf("%d calls, want 1", len(calls))
	}
	if got := itemIDs(calls[0]); !slices.Equal(got, []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}) {
		t.Errorf("items = %v, want 1…10 in order", got)
	}
	ids := map[string]bool{}
	for _, e := range calls[0].EventList {
		ids[e.EventID] = true
	}
	if len(ids) != len(events) {
		t.Errorf("%d distinct event ids for %d events", len(ids), len(events))
	}
}

func itemIDs(call putEventsBody) []string {
	ids := make([]string, 0, len(call.EventList))
	for _, e := range call.EventList {
		ids = append(ids, e.ItemID)
	}
	return ids
}
