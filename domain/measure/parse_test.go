package measure_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/mealplanner/backend/domain/measure"
)

// Short names for the dimensions in the tables.
const (
	none  = measure.Unmeasured
	count = measure.Count
	mass  = measure.Mass
	vol   = measure.Volume
)

// want is the expected Amount of a measure; dim none means unmeasurable.
type want struct {
	q      float64
	unit   string
	dim    measure.Dimension
	ranged bool
	size   string
	note   string
	alt    string // the alternative as "quantity symbol", "" for none
}

type parseCase struct {
	in   string
	want want
}

// runParseCases checks every case in parallel subtests.
func runParseCases(t *testing.T, cases []parseCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			checkAmount(t, tc.in, measure.Parse(tc.in), tc.want)
		})
	}
}

func checkAmount(t *testing.T, in string, got measure.Amount, w want) {
	t.Helper()
	if got.HasQuantity != (w.dim != none) {
		t.Fatalf("Parse(%q).HasQuantity = %v, want %v (got %+v)", in, got.HasQuantity, w.dim != none, got)
	}
	if !near(got.Quantity, w.q, 1e-12) {
		t.Errorf("Parse(%q).Quantity = %v, want %v", in, got.Quantity, w.q)
	}
	if got.Unit.Symbol != w.unit || got.Unit.Dimension != w.dim {
		t.Errorf("Parse(%q).Unit = %q %v, want %q %v", in, got.Unit.Symbol, got.Unit.Dimension, w.unit, w.dim)
	}
	if got.Ranged != w.ranged || got.Size != w.size || got.Note != w.note {
		t.Errorf("Parse(%q) ranged, size, note = %v %q %q, want %v %q %q",
			in, got.Ranged, got.Size, got.Note, w.ranged, w.size, w.note)
	}
	if alt := altString(got.Alt); alt != w.alt {
		t.Errorf("Parse(%q).Alt = %q, want %q", in, alt, w.alt)
	}
}

func altString(a *measure.Amount) string {
	if a == nil {
		return ""
	}
	return fmt.Sprintf("%g %s", a.Quantity, a.Unit.Symbol)
}

// near reports whether a and b agree within rel, relatively (absolutely near zero).
func near(a, b, rel float64) bool {
	return math.Abs(a-b) <= rel*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

var numberCases = []parseCase{
	{"2", want{q: 2, dim: count}},
	{"12", want{q: 12, dim: count}},
	{"0", want{q: 0, dim: count}},
	{"1.5 cups", want{q: 1.5, unit: "cup", dim: vol}},
	{".5 tsp", want{q: 0.5, unit: "tsp", dim: vol}},
	{"0.25 cup", want{q: 0.25, unit: "cup", dim: vol}},
	{"1,5", want{q: 1, dim: count, note: "5"}},
	{"1,5 kg", want{q: 1, dim: count, note: "5 kg"}},
	{"1,000 ml", want{q: 1000, unit: "ml", dim: vol}},
	{"1 1/2 cups", want{q: 1.5, unit: "cup", dim: vol}},
	{"3/4 cup", want{q: 0.75, unit: "cup", dim: vol}},
	{"1-1/2 cups", want{q: 1.5, unit: "cup", dim: vol}},
	{"2-3/4 cups", want{q: 2.75, unit: "cup", dim: vol}},
	{"1 1⁄2 tsp", want{q: 1.5, unit: "tsp", dim: vol}},
	{"1/0", want{q: 1, dim: count, note: "0"}},
	{"½", want{q: 0.5, dim: count}},
	{"1½ cups", want{q: 1.5, unit: "cup", dim: vol}},
	{"1 ½ cups", want{q: 1.5, unit: "cup", dim: vol}},
	{"¼ tsp", want{q: 0.25, unit: "tsp", dim: vol}},
	{"¾ cup", want{q: 0.75, unit: "cup", dim: vol}},
	{"⅓ cup", want{q: 1.0 / 3, unit: "cup", dim: vol}},
	{"⅔ cup", want{q: 2.0 / 3, unit: "cup", dim: vol}},
	{"⅛ tsp", want{q: 0.125, unit: "tsp", dim: vol}},
	{"2 ⅝ cups", want{q: 2.625, unit: "cup", dim: vol}},
	{"one", want{q: 1, dim: count}},
	{"two cups", want{q: 2, unit: "cup", dim: vol}},
	{"Twelve", want{q: 12, dim: count}},
	{"half", want{q: 0.5, dim: count}},
	{"half a cup", want{q: 0.5, unit: "cup", dim: vol}},
	{"a half cup", want{q: 0.5, unit: "cup", dim: vol}},
	{"a quarter cup", want{q: 0.25, unit: "cup", dim: vol}},
	{"one and a half cups", want{q: 1.5, unit: "cup", dim: vol}},
	{"1 and 1/2 cups", want{q: 1.5, unit: "cup", dim: vol}},
	{"2 and ½ tbsp", want{q: 2.5, unit: "tbsp", dim: vol}},
	{"a dozen", want{q: 12, dim: count}},
	{"1 dozen", want{q: 12, dim: count}},
	{"2 dozen eggs", want{q: 24, dim: count, note: "eggs"}},
	{"half a dozen", want{q: 6, dim: count}},
	{"a couple", want{q: 2, dim: count}},
	{"a couple of sprigs", want{q: 2, unit: "sprig", dim: count}},
	{"a few", want{q: 3, dim: count, ranged: true}},
	{"a few sprigs", want{q: 3, unit: "sprig", dim: count, ranged: true}},
	{"an onion", want{q: 1, dim: count, note: "onion"}},
}

func TestParseNumbers(t *testing.T) {
	t.Parallel()
	runParseCases(t, numberCases)
}

var rangeCases = []parseCase{
	{"2-3", want{q: 3, dim: count, ranged: true}},
	{"2 - 3", want{q: 3, dim: count, ranged: true}},
	{"2 to 3", want{q: 3, dim: count, ranged: true}},
	{"2–3", want{q: 3, dim: count, ranged: true}},
	{"2—3", want{q: 3, dim: count, ranged: true}},
	{"2 or 3", want{q: 3, dim: count, ranged: true}},
	{"one or two", want{q: 2, dim: count, ranged: true}},
	{"3-2", want{q: 3, dim: count, ranged: true}},
	{"1-2 tbsp", want{q: 2, unit: "tbsp", dim: vol, ranged: true}},
	{"200-250g", want{q: 250, unit: "g", dim: mass, ranged: true}},
	{"1/2-1 tsp", want{q: 1, unit: "tsp", dim: vol, ranged: true}},
	{"½–1 cup", want{q: 1, unit: "cup", dim: vol, ranged: true}},
	{"1 1/2 - 2 cups", want{q: 2, unit: "cup", dim: vol, ranged: true}},
	{"1 to 2 tbsp", want{q: 2, unit: "tbsp", dim: vol, ranged: true}},
	{"2-3 large potatoes, peeled", want{q: 3, dim: count, ranged: true, size: "large", note: "potatoes, peeled"}},
}

func TestParseRanges(t *testing.T) {
	t.Parallel()
	runParseCases(t, rangeCases)
}

var unitCases = []parseCase{
	{"200g", want{q: 200, unit: "g", dim: mass}},
	{"200 g", want{q: 200, unit: "g", dim: mass}},
	{"1.5kg", want{q: 1.5, unit: "kg", dim: mass}},
	{"1 kilo", want{q: 1, unit: "kg", dim: mass}},
	{"250 grams", want{q: 250, unit: "g", dim: mass}},
	{"250 grammes", want{q: 250, unit: "g", dim: mass}},
	{"5 mg", want{q: 5, unit: "mg", dim: mass}},
	{"8 oz", want{q: 8, unit: "oz", dim: mass}},
	{"8 ounces", want{q: 8, unit: "oz", dim: mass}},
	{"1 lb", want{q: 1, unit: "lb", dim: mass}},
	{"1 lb.", want{q: 1, unit: "lb", dim: mass}},
	{"2 lbs", want{q: 2, unit: "lb", dim: mass}},
	{"1 pound", want{q: 1, unit: "lb", dim: mass}},
	{"2 pounds", want{q: 2, unit: "lb", dim: mass}},
	{"1 LB", want{q: 1, unit: "lb", dim: mass}},
	{"500ml", want{q: 500, unit: "ml", dim: vol}},
	{"500 mL", want{q: 500, unit: "ml", dim: vol}},
	{"1 litre", want{q: 1, unit: "l", dim: vol}},
	{"1 liter", want{q: 1, unit: "l", dim: vol}},
	{"2 liters", want{q: 2, unit: "l", dim: vol}},
	{"1 l", want{q: 1, unit: "l", dim: vol}},
	{"1 L", want{q: 1, unit: "l", dim: vol}},
	{"1 dl", want{q: 1, unit: "dl", dim: vol}},
	{"2 cl", want{q: 2, unit: "cl", dim: vol}},
	{"2 Tbsp", want{q: 2, unit: "tbsp", dim: vol}},
	{"1 tbs", want{q: 1, unit: "tbsp", dim: vol}},
	{"1 T", want{q: 1, unit: "tbsp", dim: vol}},
	{"1 t", want{q: 1, unit: "tsp", dim: vol}},
	{"3 tsp.", want{q: 3, unit: "tsp", dim: vol}},
	{"1 TSP", want{q: 1, unit: "tsp", dim: vol}},
	{"2 tablespoons", want{q: 2, unit: "tbsp", dim: vol}},
	{"1 teaspoon", want{q: 1, unit: "tsp", dim: vol}},
	{"1 fl oz", want{q: 1, unit: "fl oz", dim: vol}},
	{"1 fluid ounce", want{q: 1, unit: "fl oz", dim: vol}},
	{"8 fl. oz.", want{q: 8, unit: "fl oz", dim: vol}},
	{"4 floz", want{q: 4, unit: "fl oz", dim: vol}},
	{"1 cup", want{q: 1, unit: "cup", dim: vol}},
	{"1 c.", want{q: 1, unit: "cup", dim: vol}},
	{"1 C", want{q: 1, unit: "cup", dim: vol}},
	{"1 pint", want{q: 1, unit: "pint", dim: vol}},
	{"1 quart", want{q: 1, unit: "quart", dim: vol}},
	{"2 qt", want{q: 2, unit: "quart", dim: vol}},
	{"1 gallon", want{q: 1, unit: "gallon", dim: vol}},
	{"1 cup plus 2 tbsp", want{q: 1.125, unit: "cup", dim: vol}},
	{"1 cup + 2 tbsp", want{q: 1.125, unit: "cup", dim: vol}},
	{"1 lb 4 oz", want{q: 1.25, unit: "lb", dim: mass}},
	{"1 cup 240ml", want{q: 1, unit: "cup", dim: vol, note: "240ml"}},
}

func TestParseUnits(t *testing.T) {
	t.Parallel()
	runParseCases(t, unitCases)
}
