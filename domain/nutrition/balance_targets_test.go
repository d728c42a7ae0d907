package nutrition_test

import (
	"math"
	"testing"

	"github.com/mealplanner/backend/domain/nutrition"
	"github.com/mealplanner/backend/domain/user"
)

func TestTargetsOrDefaults(t *testing.T) {
	t.Parallel()
	d := nutrition.DefaultTargets()
	tests := []struct {
		name string
		in   nutrition.Targets
		want nutrition.Targets
	}{
		{"none set", nutrition.Targets{}, d},
		{"all set", nutrition.Targets{1800, 90, 200, 60, 35, 1500}, nutrition.Targets{1800, 90, 200, 60, 35, 1500}},
		{"only calories", nutrition.Targets{Calories: 2400},
			nutrition.Targets{2400, d.Protein, d.Carbohydrate, d.Fat, d.Fiber, d.Sodium}},
		{"nonsense falls back", nutrition.Targets{Calories: -5, Protein: math.NaN(), Sodium: math.Inf(1), Fiber: 40},
			nutrition.Targets{d.Calories, d.Protein, d.Carbohydrate, d.Fat, 40, d.Sodium}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.in.OrDefaults(); got != tt.want {
				t.Errorf("%+v.OrDefaults() = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

// TestTargetsConvertFromUserTargets pins the one-to-one match of fields that
// lets the app convert a user's targets without a mapping function.
func TestTargetsConvertFromUserTargets(t *testing.T) {
	t.Parallel()
	u := user.NutritionTargets{Calories: 1800, Protein: 90, Carbohydrate: 200, Fat: 60, Fiber: 35, Sodium: 1500}
	got := nutrition.Targets(u)
	want := nutrition.Targets{Calories: 1800, Protein: 90, Carbohydrate: 200, Fat: 60, Fiber: 35, Sodium: 1500}
	if got != want {
		t.Errorf("converted %+v, want %+v", got, want)
	}
	if r := nutrition.Balance(referenceWeek(), 2, got); r.Targets != want {
		t.Errorf("report targets %+v, want the user's %+v", r.Targets, want)
	}
}
