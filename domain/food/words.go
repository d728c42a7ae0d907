package food

import "strings"

// set builds a word set from a space-separated list.
func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// joinWords join two things in an ingredient line; what follows them is a
// second food or a note ("salt and pepper", "oil for frying", "salt to taste").
var joinWords = set("and or in with for to from plus into")

// noiseWords say how much, how big or how prepared, never which food. They
// are dropped only after the whole text failed as a name, so names that
// contain one ("fresh ginger", "crushed tomatoes", "large shrimp") still win.
var noiseWords = set(`
	a an the some few several couple half quarter third dozen one two three four five six
	seven eight nine ten twelve
	g gram grams kg mg ml l litre litres liter liters tbsp tbs tablespoon tablespoons tsp
	teaspoon teaspoons cup cups oz ounce ounces lb lbs pound pounds x
	pinch pinches dash dashes splash handful handfuls knob bunch bunches sprig sprigs
	jar jars pack packs packet packets bag bags bottle bottles carton cartons
	drizzle squeeze glug
	fresh freshly chopped finely roughly coarsely thinly thickly diced minced sliced grated
	crushed peeled deseeded seeded cored trimmed halved quartered cubed shredded torn picked
	softened melted beaten lightly whisked sifted rinsed drained washed scrubbed juiced zested
	pitted stoned squeezed boneless skinless skin skinned bone bones on off cut pieces piece
	chunks strips wedges wedge
	large medium small big extra free range organic virgin raw cold chilled warm room
	temperature ripe overripe good quality optional garnish serve serving taste needed divided
	heaped level generous about approximately approx more low fat reduced thick thin
`)

// canWords all mean the food comes in a can; lighten spells them "canned",
// the word the aliases use.
var canWords = set("tin tins tinned can cans canned")

// formWords name a form of a food rather than the food; they are dropped in a
// second pass, after names that contain them ("ground cumin", "dried
// oregano", "smoked paprika", "canned tomatoes") had their chance.
var formWords = set(`ground dried canned tinned frozen cooked smoked whole roasted toasted
	salted unsalted`)
