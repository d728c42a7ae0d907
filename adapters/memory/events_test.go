package memory_test

import (
	"context"
	"testing"

	"github.com/mealplanner/backend/adapters/memory"
	"github.com/mealplanner/backend/ports"
)

func TestEventLogKeepsTheNewestEvents(t *testing.T) {
	log := memory.NewEventLog(2)
	for id := int64(1); id <= 3; id++ {
		if err := log.Track(context.Background(), ports.Event{UserID: "u", Type: ports.EventRecipeViewed, RecipeID: id}); err != nil {
			t.Fatal(err)
		}
	}
	got := log.Events()
	if len(got) != 2 || got[0].RecipeID != 2 || got[1].RecipeID != 3 {
		t.Errorf("events = %+v, want recipes 2 and 3", got)
	}
}
