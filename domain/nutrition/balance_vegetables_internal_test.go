package nutrition

import (
	"testing"

	"github.com/mealplanner/backend/domain/food"
)

// TestNotVegetablesAreFlaggedFoods keeps the exclusions honest: each names a
// food of the table that carries the Vegetable flag, or it excludes nothing.
func TestNotVegetablesAreFlaggedFoods(t *testing.T) {
	t.Parallel()
	table, err := food.Load()
	if err != nil {
		t.Fatal(err)
	}
	for key := range notVegetables {
		f, ok := table.Lookup(key)
		if !ok || f.Key != key {
			t.Errorf("%q is not a key of the food table", key)
			continue
		}
		if !f.Has(food.Vegetable) {
			t.Errorf("%q lacks the vegetable flag; drop it from notVegetables", key)
		}
	}
}
