package measure_test

import (
	"errors"
	"testing"

	"github.com/mealplanner/backend/domain/measure"
)

var measuredUnits = []measure.Unit{
	measure.Milligram, measure.Gram, measure.Kilogram, measure.Ounce, measure.Pound,
	measure.Milliliter, measure.Centiliter, measure.Deciliter, measure.Liter, measure.Teaspoon,
	measure.Tablespoon, measure.FluidOunce, measure.Cup, measure.Pint, measure.Quart, measure.Gallon,
}

func mustLookup(tb testing.TB, s string) measure.Unit {
	tb.Helper()
	u, ok := measure.LookupUnit(s)
	if !ok {
		tb.Fatalf("LookupUnit(%q) found nothing", s)
	}
	return u
}

func TestConvertIsExact(t *testing.T) {
	t.Parallel()
	cases := []struct {
		q        float64
		from, to measure.Unit
		want     float64
	}{
		{1, measure.Cup, measure.Milliliter, 236.5882365},
		{3, measure.Teaspoon, measure.Tablespoon, 1},
		{16, measure.Ounce, measure.Pound, 1},
		{1, measure.Pound, measure.Gram, 453.59237},
		{1, measure.Ounce, measure.Gram, 28.349523125},
		{1, measure.Teaspoon, measure.Milliliter, 4.92892159375},
		{1, measure.Tablespoon, measure.Milliliter, 14.78676478125},
		{1, measure.FluidOunce, measure.Milliliter, 29.5735295625},
		{1, measure.FluidOunce, measure.Tablespoon, 2},
		{1, measure.Cup, measure.Tablespoon, 16},
		{1, measure.Cup, measure.Teaspoon, 48},
		{48, measure.Teaspoon, measure.Cup, 1},
		{1, measure.Pint, measure.Cup, 2},
		{1, measure.Quart, measure.Pint, 2},
		{1, measure.Gallon, measure.Quart, 4},
		{1, measure.Gallon, measure.Milliliter, 3785.411784},
		{1, measure.Liter, measure.Milliliter, 1000},
		{1, measure.Deciliter, measure.Milliliter, 100},
		{1, measure.Centiliter, measure.Milliliter, 10},
		{1, measure.Kilogram, measure.Gram, 1000},
		{1500, measure.Gram, measure.Kilogram, 1.5},
		{1, measure.Milligram, measure.Gram, 0.001},
		{2.5, measure.Gram, measure.Gram, 2.5},
		{3, mustLookup(t, "cloves"), mustLookup(t, "clove"), 3},
		{2, measure.Each, measure.Each, 2},
	}
	for _, tc := range cases {
		got, err := measure.Convert(tc.q, tc.from, tc.to)
		if err != nil || got != tc.want {
			t.Errorf("Convert(%v, %q, %q) = %v, %v; want exactly %v", tc.q, tc.from.Symbol, tc.to.Symbol, got, err, tc.want)
		}
	}
}

func TestConvertRefusesOtherDimensions(t *testing.T) {
	t.Parallel()
	clove, can := mustLookup(t, "clove"), mustLookup(t, "can")
	cases := []struct{ from, to measure.Unit }{
		{measure.Cup, measure.Gram},
		{measure.Gram, measure.Milliliter},
		{measure.Each, measure.Gram},
		{clove, measure.Each},
		{clove, can},
		{measure.Unit{}, measure.Unit{}},
		{measure.Unit{}, measure.Gram},
	}
	for _, tc := range cases {
		if _, err := measure.Convert(1, tc.from, tc.to); !errors.Is(err, measure.ErrIncompatible) {
			t.Errorf("Convert(1, %q, %q) error = %v, want ErrIncompatible", tc.from.Symbol, tc.to.Symbol, err)
		}
	}
}

func TestConvertRoundTrips(t *testing.T) {
	t.Parallel()
	quantities := []float64{0, 1e-3, 0.125, 1.0 / 3, 1, 2.5, 7, 48, 236.5882365, 1e6}
	for _, a := range measuredUnits {
		for _, b := range measuredUnits {
			if a.Dimension != b.Dimension {
				continue
			}
			for _, q := range quantities {
				there, err := measure.Convert(q, a, b)
				back, err2 := measure.Convert(there, b, a)
				if err != nil || err2 != nil || !near(back, q, 1e-12) {
					t.Errorf("%v %s → %s → %s = %v (%v, %v)", q, a.Symbol, b.Symbol, a.Symbol, back, err, err2)
				}
			}
		}
	}
}

func TestConvertAgreesWithToBase(t *testing.T) {
	t.Parallel()
	for _, a := range measuredUnits {
		for _, b := range measuredUnits {
			if a.Dimension != b.Dimension {
				continue
			}
			got, err := measure.Convert(2.5, a, b)
			if want := 2.5 * a.ToBase / b.ToBase; err != nil || !near(got, want, 1e-14) {
				t.Errorf("Convert(2.5, %s, %s) = %v, want %v", a.Symbol, b.Symbol, got, want)
			}
		}
	}
}

func TestConvertHandMadeUnit(t *testing.T) {
	t.Parallel()
	metricCup := measure.Unit{Symbol: "cup", Dimension: measure.Volume, ToBase: 250}
	if got, err := measure.Convert(1, metricCup, measure.Milliliter); err != nil || got != 250 {
		t.Errorf("Convert(1, metric cup, ml) = %v, %v; want 250 (a hand-made unit keeps its own size)", got, err)
	}
}

func TestLookupUnit(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want string
		dim  measure.Dimension
	}{
		{"g", "g", mass}, {"G", "g", mass}, {"grams", "g", mass}, {"kg", "kg", mass}, {"Lbs.", "lb", mass},
		{"T", "tbsp", vol}, {"t", "tsp", vol}, {"t.", "tsp", vol}, {"Tbsp.", "tbsp", vol}, {" cups ", "cup", vol},
		{"fl oz", "fl oz", vol}, {"fl. oz.", "fl oz", vol}, {"fl.oz", "fl oz", vol}, {"Fluid  Ounces", "fl oz", vol},
		{"", "", count}, {"each", "", count}, {"clove", "clove", count}, {"Cloves", "clove", count},
		{"tins", "can", count}, {"pinch", "pinch", count}, {"stick", "stick", count}, {"l", "l", vol},
	}
	for _, tc := range cases {
		u, ok := measure.LookupUnit(tc.in)
		if !ok || u.Symbol != tc.want || u.Dimension != tc.dim {
			t.Errorf("LookupUnit(%q) = %q %v %v, want %q %v", tc.in, u.Symbol, u.Dimension, ok, tc.want, tc.dim)
		}
	}
	for _, in := range []string{"xyz", "chicken", "fl", "fluid", "large", "to taste", "extraordinarilylongword"} {
		if u, ok := measure.LookupUnit(in); ok {
			t.Errorf("LookupUnit(%q) = %+v, want nothing", in, u)
		}
	}
}

func TestLookupUnitFindsEveryCanonicalSymbol(t *testing.T) {
	t.Parallel()
	for _, u := range append(measuredUnits[:len(measuredUnits):len(measuredUnits)], measure.Each) {
		if got, ok := measure.LookupUnit(u.Symbol); !ok || got != u {
			t.Errorf("LookupUnit(%q) = %+v, %v; want %+v", u.Symbol, got, ok, u)
		}
	}
}

func TestAmountBase(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want float64
		dim  measure.Dimension
	}{
		{"1 cup", 236.5882365, vol},
		{"1 lb", 453.59237, mass},
		{"1.5 kg", 1500, mass},
		{"2 cloves", 2, count},
		{"3", 3, count},
		{"to taste", 0, none},
	}
	for _, tc := range cases {
		got, dim := measure.Parse(tc.in).Base()
		if got != tc.want || dim != tc.dim {
			t.Errorf("Parse(%q).Base() = %v %v, want %v %v", tc.in, got, dim, tc.want, tc.dim)
		}
	}
}

func TestDimensionString(t *testing.T) {
	t.Parallel()
	for d, want := range map[measure.Dimension]string{none: "unmeasured", count: "count", mass: "mass", vol: "volume"} {
		if d.String() != want {
			t.Errorf("%d.String() = %q, want %q", int(d), d.String(), want)
		}
	}
}
