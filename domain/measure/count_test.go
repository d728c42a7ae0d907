package measure_test

import "testing"

var countCases = []parseCase{
	{"2 large", want{q: 2, dim: count, size: "large"}},
	{"3 medium", want{q: 3, dim: count, size: "medium"}},
	{"1 small", want{q: 1, dim: count, size: "small"}},
	{"1 extra-large", want{q: 1, dim: count, size: "extra large"}},
	{"2 extra large eggs", want{q: 2, dim: count, size: "extra large", note: "eggs"}},
	{"1 jumbo", want{q: 1, dim: count, size: "jumbo"}},
	{"2 each", want{q: 2, dim: count}},
	{"1 stick", want{q: 1, unit: "stick", dim: count}},
	{"2 sticks", want{q: 2, unit: "stick", dim: count}},
	{"1 clove", want{q: 1, unit: "clove", dim: count}},
	{"3 cloves", want{q: 3, unit: "clove", dim: count}},
	{"4 slices", want{q: 4, unit: "slice", dim: count}},
	{"1 can", want{q: 1, unit: "can", dim: count}},
	{"2 cans", want{q: 2, unit: "can", dim: count}},
	{"1 tin", want{q: 1, unit: "can", dim: count}},
	{"2 tins", want{q: 2, unit: "can", dim: count}},
	{"1 jar", want{q: 1, unit: "jar", dim: count}},
	{"1 packet", want{q: 1, unit: "package", dim: count}},
	{"1 package", want{q: 1, unit: "package", dim: count}},
	{"1 pack", want{q: 1, unit: "package", dim: count}},
	{"1 bunch", want{q: 1, unit: "bunch", dim: count}},
	{"1 head", want{q: 1, unit: "head", dim: count}},
	{"2 stalks", want{q: 2, unit: "stalk", dim: count}},
	{"1 rib", want{q: 1, unit: "stalk", dim: count}},
	{"2 pieces", want{q: 2, unit: "piece", dim: count}},
	{"2 fillets", want{q: 2, unit: "fillet", dim: count}},
	{"10 leaves", want{q: 10, unit: "leaf", dim: count}},
	{"1 leaf", want{q: 1, unit: "leaf", dim: count}},
	{"2 sprigs", want{q: 2, unit: "sprig", dim: count}},
	{"1 handful", want{q: 1, unit: "handful", dim: count}},
	{"2 handfuls", want{q: 2, unit: "handful", dim: count}},
	{"a pinch", want{q: 1, unit: "pinch", dim: count}},
	{"pinch", want{q: 1, unit: "pinch", dim: count}},
	{"2 pinches", want{q: 2, unit: "pinch", dim: count}},
	{"dash", want{q: 1, unit: "dash", dim: count}},
	{"a dash", want{q: 1, unit: "dash", dim: count}},
	{"a splash", want{q: 1, unit: "splash", dim: count}},
	{"Large handful", want{q: 1, unit: "handful", dim: count, size: "large"}},
	{"Good pinch", want{q: 1, unit: "pinch", dim: count, note: "Good"}},
	{"1 knob", want{q: 1, unit: "knob", dim: count}},
	{"a knob of butter", want{q: 1, unit: "knob", dim: count, note: "butter"}},
	{"Pinch of salt", want{q: 1, unit: "pinch", dim: count, note: "salt"}},
	{"1 bag", want{q: 1, unit: "bag", dim: count}},
	{"1 bottle", want{q: 1, unit: "bottle", dim: count}},
	{"1 envelope", want{q: 1, unit: "envelope", dim: count}},
	{"3 rashers", want{q: 3, unit: "rasher", dim: count}},
	{"1 ball", want{q: 1, unit: "ball", dim: count}},
	{"6 spears", want{q: 6, unit: "spear", dim: count}},
	{"4 cardamom pods", want{q: 4, dim: count, note: "cardamom pods"}},
	{"4 pods", want{q: 4, unit: "pod", dim: count}},
}

func TestParseCounts(t *testing.T) {
	t.Parallel()
	runParseCases(t, countCases)
}

var unmeasurableCases = []parseCase{
	{"to taste", want{note: "to taste"}},
	{"To Taste", want{note: "To Taste"}},
	{"as needed", want{note: "as needed"}},
	{"as required", want{note: "as required"}},
	{"for garnish", want{note: "for garnish"}},
	{"to serve", want{note: "to serve"}},
	{"optional", want{note: "optional"}},
	{"(optional)", want{note: "(optional)"}},
	{"", want{}},
	{"   ", want{}},
	{"--", want{}},
	{"some", want{note: "some"}},
	{"several", want{note: "several"}},
	{"a", want{note: "a"}},
	{"a little", want{note: "a little"}},
	{"a drizzle", want{note: "a drizzle"}},
	{"Drizzle", want{note: "Drizzle"}},
	{"Dusting", want{note: "Dusting"}},
	{"Squeeze", want{note: "Squeeze"}},
	{"To Glaze", want{note: "To Glaze"}},
	{"For frying", want{note: "For frying"}},
	{"Salt and pepper", want{note: "Salt and pepper"}},
	{"Leaves", want{note: "Leaves"}},
	{"Tbsp", want{note: "Tbsp"}},
}

func TestParseUnmeasurable(t *testing.T) {
	t.Parallel()
	runParseCases(t, unmeasurableCases)
}

var noteCases = []parseCase{
	{"1 cup, chopped", want{q: 1, unit: "cup", dim: vol, note: "chopped"}},
	{"1 tbsp; divided", want{q: 1, unit: "tbsp", dim: vol, note: "divided"}},
	{"1 large onion, finely chopped", want{q: 1, dim: count, size: "large", note: "onion, finely chopped"}},
	{"1 heaped tbsp", want{q: 1, unit: "tbsp", dim: vol, note: "heaped"}},
	{"1 tbsp heaped", want{q: 1, unit: "tbsp", dim: vol, note: "heaped"}},
	{"1 level tsp", want{q: 1, unit: "tsp", dim: vol, note: "level"}},
	{"1 scant cup", want{q: 1, unit: "cup", dim: vol, note: "scant"}},
	{"1 generous tbsp", want{q: 1, unit: "tbsp", dim: vol, note: "generous"}},
	{"1 rounded tbsp", want{q: 1, unit: "tbsp", dim: vol, note: "rounded"}},
	{"1 heaped tbsp, sifted", want{q: 1, unit: "tbsp", dim: vol, note: "heaped, sifted"}},
	{"1 tsp to taste", want{q: 1, unit: "tsp", dim: vol, note: "to taste"}},
	{"about 2 cups", want{q: 2, unit: "cup", dim: vol, note: "about"}},
	{"approx. 200g", want{q: 200, unit: "g", dim: mass, note: "approx"}},
	{"1 cup of flour", want{q: 1, unit: "cup", dim: vol, note: "flour"}},
	{"175g/6oz", want{q: 175, unit: "g", dim: mass, note: "6oz"}},
	{"2 (about 300g)", want{q: 2, dim: count, note: "about 300g", alt: "300 g"}},
	{"1 can (400g) chopped tomatoes", want{q: 1, unit: "can", dim: count, note: "400g chopped tomatoes", alt: "400 g"}},
	{"1 can chopped tomatoes (400g)", want{q: 1, unit: "can", dim: count, note: "chopped tomatoes (400g)", alt: "400 g"}},
	{"2 (15 oz) cans", want{q: 2, unit: "can", dim: count, note: "15 oz", alt: "30 oz"}},
	{"2 cans (400g each)", want{q: 2, unit: "can", dim: count, note: "400g each", alt: "800 g"}},
	{"2 x 400g tins", want{q: 2, unit: "can", dim: count, alt: "800 g"}},
	{"2x400g", want{q: 2, dim: count, alt: "800 g"}},
	{"1 (12 oz.) package", want{q: 1, unit: "package", dim: count, note: "12 oz", alt: "12 oz"}},
	{"2 (16-oz.) cans", want{q: 2, unit: "can", dim: count, note: "16-oz", alt: "32 oz"}},
	{"1 cup (240ml)", want{q: 1, unit: "cup", dim: vol, note: "240ml", alt: "240 ml"}},
	{"2 cups [480 ml]", want{q: 2, unit: "cup", dim: vol, note: "480 ml", alt: "480 ml"}},
	{"8 oz (225g)", want{q: 8, unit: "oz", dim: mass, note: "225g", alt: "225 g"}},
	{"3 cloves (15g)", want{q: 3, unit: "clove", dim: count, note: "15g", alt: "15 g"}},
	{"2 large (about 200g each)", want{q: 2, dim: count, size: "large", note: "about 200g each", alt: "400 g"}},
	{"1 stick (113g) butter", want{q: 1, unit: "stick", dim: count, note: "113g butter", alt: "113 g"}},
	{"1 (about 2 lb) chicken", want{q: 1, dim: count, note: "about 2 lb chicken", alt: "2 lb"}},
	{"2 (optional)", want{q: 2, dim: count, note: "optional"}},
	{"(optional) 1 tsp", want{q: 1, unit: "tsp", dim: vol, note: "optional"}},
}

func TestParseNotesAndAlternatives(t *testing.T) {
	t.Parallel()
	runParseCases(t, noteCases)
}
