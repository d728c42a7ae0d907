package measure_test

import "testing"

// mealDBCases are measures as TheMealDB writes them: units in any case,
// trailing spaces, preparation mixed in, words instead of amounts.
var mealDBCases = []parseCase{
	{"2 chopped", want{q: 2, dim: count, note: "chopped"}},
	{"1 sliced", want{q: 1, dim: count, note: "sliced"}},
	{"Juice of 1", want{q: 1, dim: count, note: "Juice of"}},
	{"Zest of 1", want{q: 1, dim: count, note: "Zest of"}},
	{"Juice of 1/2", want{q: 0.5, dim: count, note: "Juice of"}},
	{"Zest and juice of 1", want{q: 1, dim: count, note: "Zest and juice of"}},
	{"Juice of 2 limes", want{q: 2, dim: count, note: "Juice of limes"}},
	{"1/2 lb", want{q: 0.5, unit: "lb", dim: mass}},
	{"3 Cups", want{q: 3, unit: "cup", dim: vol}},
	{"100g ", want{q: 100, unit: "g", dim: mass}},
	{"1 tbls", want{q: 1, unit: "tbsp", dim: vol}},
	{"2 Tblsp", want{q: 2, unit: "tbsp", dim: vol}},
	{"1 ½ tsp", want{q: 1.5, unit: "tsp", dim: vol}},
	{"Dash", want{q: 1, unit: "dash", dim: count}},
	{"Sprinkling", want{note: "Sprinkling"}},
	{"Garnish", want{note: "Garnish"}},
	{"Top", want{note: "Top"}},
	{"1 large", want{q: 1, dim: count, size: "large"}},
	{"4 oz ", want{q: 4, unit: "oz", dim: mass}},
	{"Pinch", want{q: 1, unit: "pinch", dim: count}},
	{"1 Pint", want{q: 1, unit: "pint", dim: vol}},
	{"2 Handfuls", want{q: 2, unit: "handful", dim: count}},
	{"3 Cloves", want{q: 3, unit: "clove", dim: count}},
	{"2 Medium", want{q: 2, dim: count, size: "medium"}},
	{"1 Packet", want{q: 1, unit: "package", dim: count}},
	{"Half", want{q: 0.5, dim: count}},
	{"1 Sprig", want{q: 1, unit: "sprig", dim: count}},
	{"1 Bunch", want{q: 1, unit: "bunch", dim: count}},
	{"400ml", want{q: 400, unit: "ml", dim: vol}},
	{"1kg", want{q: 1, unit: "kg", dim: mass}},
	{"1 Tbs", want{q: 1, unit: "tbsp", dim: vol}},
	{"1/4 teaspoon", want{q: 0.25, unit: "tsp", dim: vol}},
	{"8", want{q: 8, dim: count}},
	{"Handful", want{q: 1, unit: "handful", dim: count}},
	{"3 parts", want{q: 3, dim: count, note: "parts"}},
	{"12 oz", want{q: 12, unit: "oz", dim: mass}},
	{"1 x 400g", want{q: 1, dim: count, alt: "400 g"}},
	{"2 1/2 cups", want{q: 2.5, unit: "cup", dim: vol}},
	{"1 Jar", want{q: 1, unit: "jar", dim: count}},
	{"2 Plums", want{q: 2, dim: count, note: "Plums"}},
	{"1 Lemon", want{q: 1, dim: count, note: "Lemon"}},
	{"3 Large", want{q: 3, dim: count, size: "large"}},
	{"1 tsp ", want{q: 1, unit: "tsp", dim: vol}},
	{"6 cups", want{q: 6, unit: "cup", dim: vol}},
	{"1 Can", want{q: 1, unit: "can", dim: count}},
	{"2 tbs", want{q: 2, unit: "tbsp", dim: vol}},
	{"1/2 cup ", want{q: 0.5, unit: "cup", dim: vol}},
	{"250 g", want{q: 250, unit: "g", dim: mass}},
	{"2 Tbsp", want{q: 2, unit: "tbsp", dim: vol}},
	{"1 tblsp", want{q: 1, unit: "tbsp", dim: vol}},
	{"1 cup ", want{q: 1, unit: "cup", dim: vol}},
	{"1 Tablespoon", want{q: 1, unit: "tbsp", dim: vol}},
	{"to taste ", want{note: "to taste"}},
	{"Dusting", want{note: "Dusting"}},
	{"1 Slice", want{q: 1, unit: "slice", dim: count}},
	{"1 Knob", want{q: 1, unit: "knob", dim: count}},
	{"2 Sticks", want{q: 2, unit: "stick", dim: count}},
	{"1 pinch", want{q: 1, unit: "pinch", dim: count}},
	{"1 dash", want{q: 1, unit: "dash", dim: count}},
	{"1 Splash", want{q: 1, unit: "splash", dim: count}},
	{"1 1/4 cup", want{q: 1.25, unit: "cup", dim: vol}},
	{"450ml", want{q: 450, unit: "ml", dim: vol}},
	{"1 1/2 lbs", want{q: 1.5, unit: "lb", dim: mass}},
	{"2 Whole", want{q: 2, dim: count, note: "Whole"}},
	{"1 Small", want{q: 1, dim: count, size: "small"}},
	{"Bunch", want{q: 1, unit: "bunch", dim: count}},
	{"1 Heaped tbsp", want{q: 1, unit: "tbsp", dim: vol, note: "Heaped"}},
	{"5 Tbsp", want{q: 5, unit: "tbsp", dim: vol}},
	{"3 Leaves", want{q: 3, unit: "leaf", dim: count}},
	{"1 Stalk", want{q: 1, unit: "stalk", dim: count}},
	{"2 Fillets", want{q: 2, unit: "fillet", dim: count}},
	{"1 Head", want{q: 1, unit: "head", dim: count}},
	{"2 Pieces", want{q: 2, unit: "piece", dim: count}},
	{"1 Litre", want{q: 1, unit: "l", dim: vol}},
}

func TestParseMealDB(t *testing.T) {
	t.Parallel()
	runParseCases(t, mealDBCases)
}

// allParseCases gathers every table, for the invariants and the fuzz seeds.
func allParseCases() []parseCase {
	var all []parseCase
	for _, cases := range [][]parseCase{numberCases, rangeCases, unitCases, countCases, unmeasurableCases,
		noteCases, mealDBCases} {
		all = append(all, cases...)
	}
	return all
}

func TestParseCaseCount(t *testing.T) {
	t.Parallel()
	if n := len(allParseCases()); n < 150 {
		t.Errorf("%d measure strings in the tables, want at least 150", n)
	}
}
