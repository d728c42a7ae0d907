package recommend

import (
	"math"
	"testing"

	"github.com/mealplanner/backend/domain/planning"
)

func TestAllocate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		weights, values [numSignals]float64
		want            [numSignals]int
	}{
		{[numSignals]float64{0.3, 0.2, 0.1, 0.15, 0.15, 0.1}, [numSignals]float64{1, 1, 1, 1, 1, 1},
			[numSignals]int{30, 20, 10, 15, 15, 10}},
		{[numSignals]float64{0.3, 0.2, 0.1, 0.15, 0.15, 0.1}, [numSignals]float64{0.5, 0.25, 0, 1, 0.333, 1},
			[numSignals]int{15, 5, 0, 15, 5, 10}},
		// 33.3 + 33.3 + 33.3 = 99.9 → 100 points: the largest remainder takes the spare point.
		{[numSignals]float64{1.0 / 3, 1.0 / 3, 1.0 / 3}, [numSignals]float64{0.999, 0.9991, 0.999},
			[numSignals]int{33, 34, 33}},
		{[numSignals]float64{0.5, 0.5}, [numSignals]float64{0.011, 0.003}, [numSignals]int{1, 0}},
	}
	for _, tt := range tests {
		total := 0.0
		for i := range tt.weights {
			total += tt.weights[i] * tt.values[i]
		}
		if got := allocate(tt.weights, tt.values, total); got != tt.want {
			t.Errorf("allocate(%v, %v) = %v, want %v", tt.weights, tt.values, got, tt.want)
		}
	}
}

func TestMealOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		meal planning.MealType
		hour int
		want planning.MealType
	}{
		{planning.Dinner, 8, planning.Dinner},
		{"", -1, ""},
		{"", 24, ""},
		{"", 5, planning.Breakfast},
		{"", 10, planning.Breakfast},
		{"", 11, planning.Lunch},
		{"", 15, planning.Snacks},
		{"", 17, planning.Dinner},
		{"", 21, planning.Dinner},
		{"", 22, planning.Snacks},
		{"", 0, planning.Snacks},
		{"brunch", 12, planning.Lunch},
	}
	for _, tt := range tests {
		if got := mealOf(Request{MealType: tt.meal, Hour: tt.hour}); got != tt.want {
			t.Errorf("mealOf(%q, %d) = %q, want %q", tt.meal, tt.hour, got, tt.want)
		}
	}
}

func TestPrepFit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		limit, minutes int
		want           float64
	}{{30, 10, 1}, {30, 30, 1}, {30, 45, 0.5}, {30, 60, 0}, {30, 200, 0}}
	for _, tt := range tests {
		if got := prepFit(tt.limit, tt.minutes); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("prepFit(%d, %d) = %v, want %v", tt.limit, tt.minutes, got, tt.want)
		}
	}
}

func TestCuisineNames(t *testing.T) {
	t.Parallel()
	got := cuisineNames([]string{" asian", "Thai", "", "Italian"})
	want := map[string]string{"thai": "Thai", "korean": "asian", "italian": "Italian", "indian": "asian"}
	for cuisine, name := range want {
		if got[cuisine] != name {
			t.Errorf("%s → %q, want %q", cuisine, got[cuisine], name)
		}
	}
	if _, ok := got["french"]; ok {
		t.Error("french is not a favourite")
	}
}

func TestListPhrase(t *testing.T) {
	t.Parallel()
	tests := []struct {
		words []string
		want  string
	}{
		{nil, ""}, {[]string{" Vegan "}, "Vegan"}, {[]string{"a", "", "b"}, "a and b"}, {[]string{"a", "b", "c"}, "a, b and c"},
	}
	for _, tt := range tests {
		if got := listPhrase(tt.words); got != tt.want {
			t.Errorf("listPhrase(%q) = %q, want %q", tt.words, got, tt.want)
		}
	}
}

func TestBucket(t *testing.T) {
	t.Parallel()
	tests := []struct {
		x    float64
		want string
	}{{0, "1"}, {299, "1"}, {300, "2"}, {699, "3"}, {700, "4"}, {5000, "4"}}
	for _, tt := range tests {
		if got := bucket(tt.x, 300, 500, 700); got != tt.want {
			t.Errorf("bucket(%v) = %q, want %q", tt.x, got, tt.want)
		}
	}
}
