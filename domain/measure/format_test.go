package measure_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/mealplanner/backend/domain/measure"
)

func TestFriendly(t *testing.T) {
	t.Parallel()
	tsp, tbsp, cup := measure.Teaspoon.ToBase, measure.Tablespoon.ToBase, measure.Cup.ToBase
	cases := []struct {
		name   string
		base   float64
		dim    measure.Dimension
		system measure.System
		q      float64
		unit   measure.Unit
	}{
		{"1000 g", 1000, mass, measure.Metric, 1, measure.Kilogram},
		{"1500 g", 1500, mass, measure.Metric, 1.5, measure.Kilogram},
		{"999 g", 999, mass, measure.Metric, 999, measure.Gram},
		{"0.5 g", 0.5, mass, measure.Metric, 0.5, measure.Gram},
		{"1 lb", 453.59237, mass, measure.US, 1, measure.Pound},
		{"8 oz", 8 * 28.349523125, mass, measure.US, 8, measure.Ounce},
		{"1000 ml", 1000, vol, measure.Metric, 1, measure.Liter},
		{"500 ml", 500, vol, measure.Metric, 500, measure.Milliliter},
		{"48 tsp", 48 * tsp, vol, measure.US, 1, measure.Cup},
		{"48 single tsp summed", sum(48, tsp), vol, measure.US, 1, measure.Cup},
		{"three thirds of a cup", sum(3, cup/3), vol, measure.US, 1, measure.Cup},
		{"3 tsp", 3 * tsp, vol, measure.US, 1, measure.Tablespoon},
		{"2 tsp", 2 * tsp, vol, measure.US, 2, measure.Teaspoon},
		{"3 tbsp", 3 * tbsp, vol, measure.US, 3, measure.Tablespoon},
		{"4 tbsp", 4 * tbsp, vol, measure.US, 0.25, measure.Cup},
		{"3 cups", 3 * cup, vol, measure.US, 3, measure.Cup},
		{"4 cups", 4 * cup, vol, measure.US, 1, measure.Quart},
		{"16 cups", 16 * cup, vol, measure.US, 1, measure.Gallon},
		{"2.5 items", 2.5, count, measure.US, 2.5, measure.Each},
		{"unmeasured", 7, none, measure.Metric, 0, measure.Unit{}},
	}
	for _, tc := range cases {
		q, u := measure.Friendly(tc.base, tc.dim, tc.system)
		if !near(q, tc.q, 1e-12) || u != tc.unit {
			t.Errorf("Friendly(%s) = %v %q, want %v %q", tc.name, q, u.Symbol, tc.q, tc.unit.Symbol)
		}
	}
}

// sum adds v to itself n times, the way a shopping list accumulates lines.
func sum(n int, v float64) float64 {
	total := 0.0
	for range n {
		total += v
	}
	return total
}

func TestFormatQuantity(t *testing.T) {
	t.Parallel()
	cases := []struct {
		q    float64
		want string
	}{
		{1, "1"}, {2.0, "2"}, {0, "0"}, {1.5, "1.5"}, {0.333333, "0.33"}, {1.0 / 3, "0.33"}, {2.0 / 3, "0.67"},
		{0.1 + 0.2, "0.3"}, {12.26, "12.3"}, {12.0, "12"}, {236.5882365, "237"}, {1000, "1000"},
		{99.99, "100"}, {-0.0001, "0"}, {0.999999999, "1"}, {math.NaN(), ""}, {math.Inf(1), ""},
	}
	for _, tc := range cases {
		if got := measure.FormatQuantity(tc.q); got != tc.want {
			t.Errorf("FormatQuantity(%v) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestFormatFraction(t *testing.T) {
	t.Parallel()
	cases := []struct {
		q    float64
		want string
	}{
		{0.333333, "1/3"}, {1.5, "1 1/2"}, {2, "2"}, {0.125, "1/8"}, {0.95, "1"}, {2.7, "2 2/3"},
		{0.6, "5/8"}, {1.04, "1"}, {0.75, "3/4"}, {3.875, "3 7/8"}, {0.05, "0.05"}, {0, "0"},
		{-0.5, "-1/2"}, {math.NaN(), ""},
	}
	for _, tc := range cases {
		if got := measure.FormatFraction(tc.q); got != tc.want {
			t.Errorf("FormatFraction(%v) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestUnitFormat(t *testing.T) {
	t.Parallel()
	cases := []struct {
		unit measure.Unit
		q    float64
		want string
	}{
		{measure.Cup, 1.0 / 3, "1/3"}, {measure.Tablespoon, 1.5, "1 1/2"}, {measure.Teaspoon, 0.25, "1/4"},
		{measure.Quart, 1.5, "1 1/2"}, {measure.Gram, 1.5, "1.5"}, {measure.Kilogram, 1.5, "1.5"},
		{measure.FluidOunce, 1.5, "1.5"}, {measure.Pound, 1.5, "1.5"}, {measure.Each, 2, "2"},
		{measure.Liter, 1.0 / 3, "0.33"},
	}
	for _, tc := range cases {
		if got := tc.unit.Format(tc.q); got != tc.want {
			t.Errorf("%q.Format(%v) = %q, want %q", tc.unit.Symbol, tc.q, got, tc.want)
		}
	}
}

// formatPrecision is how far FormatQuantity may be from q: half of its last
// decimal place.
func formatPrecision(q float64) float64 {
	switch {
	case q >= 100:
		return 0.5
	case q >= 10:
		return 0.05
	}
	return 0.005
}

func TestParseRecoversFormattedQuantity(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		q := math.Exp(rng.Float64()*17 - 5) // 0.007 … 240 000
		text := measure.FormatQuantity(q) + " g"
		a := measure.Parse(text)
		if a.Unit != measure.Gram || math.Abs(a.Quantity-q) > formatPrecision(q)*(1+1e-9) {
			t.Fatalf("Parse(%q) = %v %q, want %v within %v", text, a.Quantity, a.Unit.Symbol, q, formatPrecision(q))
		}
		text = measure.FormatFraction(q) + " cup"
		if a := measure.Parse(text); a.Unit != measure.Cup || math.Abs(a.Quantity-q) > 1.0/16+1e-9 {
			t.Fatalf("Parse(%q) = %v %q, want %v within 1/16", text, a.Quantity, a.Unit.Symbol, q)
		}
	}
}
