package nutrition_test

import (
	"testing"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/nutrition"
)

func mustTable(tb testing.TB) *food.Table {
	tb.Helper()
	table, err := food.Load()
	if err != nil {
		tb.Fatal(err)
	}
	return table
}

func TestHasVegetables(t *testing.T) {
	t.Parallel()
	table := mustTable(t)
	tests := []struct {
		name string
		keys []string
		want bool
	}{
		{"fresh vegetable", []string{"spaghetti", "broccoli"}, true},
		{"frozen vegetable", []string{"pea"}, true},
		{"canned vegetable", []string{"canned tomato", "pasta"}, true},
		{"a plural still finds the food", []string{"tomatoes"}, true},
		{"fruit is not a vegetable", []string{"apple", "banana", "raisin"}, false},
		{"seasonings are not a portion", []string{"garlic", "chilli", "ginger"}, false},
		{"no vegetable at all", []string{"chicken breast", "rice", "olive oil"}, false},
		{"unmatched lines are skipped", []string{"", "dragon sauce", "courgette"}, true},
		{"no ingredients", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := nutrition.HasVegetables(tt.keys, table); got != tt.want {
				t.Errorf("HasVegetables(%q) = %v, want %v", tt.keys, got, tt.want)
			}
		})
	}
	if nutrition.HasVegetables([]string{"broccoli"}, nil) {
		t.Error("without a table nothing is known to be a vegetable")
	}
}
