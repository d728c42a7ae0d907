package shopping

import (
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/measure"
	"github.com/mealplanner/backend/domain/nutrition"
)

// realisticLines are the ingredient lines random plans are built from: no
// sizes or parenthesised weights, so that a count's grams are its unit weight
// and conservation can be checked exactly.
var realisticLines = []Line{
	{"milk", "2 cups"}, {"milk", "200 ml"}, {"whole milk", "1/2 cup"}, {"butter", "3 tbsp"},
	{"butter", "50 g"}, {"butter", "1 stick"}, {"egg", "2"}, {"eggs", "100 g"}, {"egg", "1/4 cup"},
	{"garlic", "3 cloves"}, {"minced garlic", "2 tsp"}, {"garlic", "1 head"}, {"onion", "1"},
	{"onion", "150 g"}, {"chopped onion", "1 cup"}, {"chicken breast", "1 lb"}, {"chicken breast", "300 g"},
	{"chicken breasts", "2"}, {"ground beef", "500 g"}, {"ground beef", "1 cup"}, {"salt", "to taste"},
	{"salt", "1 tsp"}, {"salt", "a pinch"}, {"black pepper", "1/2 tsp"}, {"olive oil", "2 tbsp"},
	{"olive oil", "100 ml"}, {"coriander", "1 bunch"}, {"coriander", "2 tbsp"}, {"pasta", "200 g"},
	{"parmesan", "50 g"}, {"parmesan", "1/2 cup"}, {"lemon", "1/2"}, {"carrot", "2"}, {"carrot", "1 kg"},
	{"sugar", "1 cup"}, {"sugar", "25 g"}, {"honey", "1 tbsp"}, {"chopped tomatoes", "1 can"},
	{"Mystery spice blend", "2 tsp"}, {"mystery spice blend", "1 tsp"}, {"dragon sauce", "to taste"},
	{"water", "1 l"}, {"chicken stock", "500 ml"}, {"soy sauce", "2 tbsp"}, {"basil", "a handful"},
}

func randomPlan(r *rand.Rand) []PlannedRecipe {
	plan := make([]PlannedRecipe, 1+r.IntN(28))
	for i := range plan {
		p := &plan[i]
		p.RecipeID = int64(1 + r.IntN(10))
		p.RecipeName = "recipe"
		p.Servings, p.RecipeServings = 1+r.IntN(6), 1+r.IntN(6)
		for range 1 + r.IntN(12) {
			p.Ingredients = append(p.Ingredients, realisticLines[r.IntN(len(realisticLines))])
		}
	}
	return plan
}

// totals sums amounts per food in grams where the food table can weigh
// them and per native group otherwise, so both sides compare exactly.
type totals map[string]float64

func (t totals) add(foodKey string, g group, amount float64, f *food.Food) {
	if grams, ok := weigh(g, amount, f); ok {
		t[foodKey+"|grams"] += grams
		return
	}
	t[foodKey+"|"+g.key()] += amount
}

func weigh(g group, amount float64, f *food.Food) (float64, bool) {
	if f == nil {
		return 0, false
	}
	u := measure.Unit{Symbol: g.noun, Dimension: g.dim, ToBase: 1}
	a := measure.Amount{Quantity: amount, HasQuantity: true, Unit: u}
	grams, reason := nutrition.Grams(a, f)
	return grams, reason == ""
}

func sourceTotals(plan []PlannedRecipe, table *food.Table) totals {
	t := totals{}
	for _, fl := range gather(plan, table) {
		for _, p := range fl.portions {
			if p.measured {
				t.add(fl.key, p.native, p.base, fl.food)
			}
		}
	}
	return t
}

func itemTotals(items []Item, table *food.Table) totals {
	t := totals{}
	for _, it := range items {
		if it.Dimension == measure.Unmeasured {
			continue
		}
		f := match(table, it.Food)
		key, _, _ := strings.Cut(it.Key, "|")
		t.add(key, groupOf(it), it.Amount, f)
	}
	return t
}

func TestConsolidateConservesAmounts(t *testing.T) {
	t.Parallel()
	table := mustTable(t)
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		plan := randomPlan(r)
		want, got := sourceTotals(plan, table), itemTotals(Consolidate(plan, table, measure.Metric), table)
		if len(want) != len(got) {
			t.Fatalf("groups differ: want %v, got %v", want, got)
		}
		for k, w := range want {
			if math.Abs(got[k]-w) > 1e-9*math.Max(1, w) {
				t.Fatalf("%s: want %v, got %v", k, w, got[k])
			}
		}
	}
}

func TestConsolidateIsDeterministic(t *testing.T) {
	t.Parallel()
	table := mustTable(t)
	r := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		plan := randomPlan(r)
		first := Consolidate(plan, table, measure.US)
		if again := Consolidate(plan, table, measure.US); !reflect.DeepEqual(first, again) {
			t.Fatal("identical input gave different output")
		}
		shuffled := append([]PlannedRecipe(nil), plan...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if a, b := withoutSources(first), withoutSources(Consolidate(shuffled, table, measure.US)); !reflect.DeepEqual(a, b) {
			t.Fatalf("plan order changed the list:\n%+v\n%+v", a, b)
		}
	}
}

// withoutSources drops the one field whose order follows the plan.
func withoutSources(items []Item) []Item {
	out := append([]Item(nil), items...)
	for i := range out {
		out[i].Sources = nil
	}
	return out
}

func TestConsolidateItemsAreWellFormed(t *testing.T) {
	t.Parallel()
	table := mustTable(t)
	r := rand.New(rand.NewPCG(5, 6))
	for range 300 {
		items := Consolidate(randomPlan(r), table, measure.Metric)
		for i, it := range items {
			if strings.TrimSpace(it.Name) == "" || len(it.Sources) == 0 || len(it.RecipeIDs) == 0 {
				t.Fatalf("malformed item %+v", it)
			}
			if it.Dimension != measure.Unmeasured && it.Quantity == "" {
				t.Fatalf("measured item without quantity %+v", it)
			}
			if i > 0 && food.SectionRank(items[i-1].Section) > food.SectionRank(it.Section) {
				t.Fatalf("sections out of store order at %d", i)
			}
		}
	}
}
