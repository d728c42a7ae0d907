package substitution

import (
	"math"
	"slices"
	"sync"
	"testing"

	"github.com/mealplanner/backend/domain/food"
)

var loadGuide = sync.OnceValues(func() (*Guide, error) {
	table, err := food.Load()
	if err != nil {
		return nil, err
	}
	return New(table)
})

func mustGuide(tb testing.TB) *Guide {
	tb.Helper()
	g, err := loadGuide()
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return g
}

func mustBlocks(tb testing.TB) []block {
	tb.Helper()
	blocks, err := readData()
	if err != nil {
		tb.Fatalf("readData: %v", err)
	}
	return blocks
}

// The issue asks for at least 100 ingredients; shared lists do not count.
func TestAtLeastHundredOriginals(t *testing.T) {
	t.Parallel()
	g := mustGuide(t)
	own := 0
	for _, b := range mustBlocks(t) {
		if b.sameAs == "" {
			own++
		}
	}
	if own < 100 || g.Len() < own {
		t.Errorf("%d originals with a list of their own, Len %d; want at least 100 and Len ≥ that", own, g.Len())
	}
}

// Every name the data uses must be a key of the food table, checked here on
// the raw data independently of New.
func TestEveryFoodIsATableKey(t *testing.T) {
	t.Parallel()
	g := mustGuide(t)
	isKey := func(k string) bool {
		f, ok := g.table.Lookup(k)
		return ok && f.Key == k
	}
	for _, b := range mustBlocks(t) {
		if !isKey(b.original) || b.sameAs != "" && !isKey(b.sameAs) {
			t.Errorf("%s: [%s] = %q is not a food key", b.where, b.original, b.sameAs)
		}
		for _, a := range b.alts {
			for _, k := range a.foods {
				if !isKey(k) {
					t.Errorf("%s: %q is not a food key", a.where, k)
				}
			}
		}
	}
}

// The issue names families the base must span; each is probed by a few
// originals, and each shopping section by a minimum count.
func TestFamiliesCovered(t *testing.T) {
	t.Parallel()
	g := mustGuide(t)
	families := map[string][]string{
		"dairy":          {"butter", "milk", "double cream", "cheddar", "greek yoghurt"},
		"eggs":           {"egg", "egg white", "egg yolk"},
		"meats":          {"chicken breast", "ground beef", "bacon", "lamb shoulder"},
		"fish/shellfish": {"salmon", "cod", "prawn", "anchovy"},
		"grains/flours":  {"all-purpose flour", "white rice", "spaghetti", "breadcrumb"},
		"nuts/seeds":     {"almond", "peanut butter", "pine nut", "tahini"},
		"sweeteners":     {"sugar", "honey", "maple syrup"},
		"fats":           {"olive oil", "vegetable oil", "coconut oil"},
		"vegetables":     {"onion", "potato", "spinach", "tomato"},
		"herbs/spices":   {"coriander", "basil", "ground cumin", "cinnamon"},
		"condiments":     {"soy sauce", "mayonnaise", "fish sauce", "dijon mustard"},
	}
	for family, keys := range families {
		for _, k := range keys {
			if len(g.lists[k]) == 0 {
				t.Errorf("%s: no alternatives for %q", family, k)
			}
		}
	}
	bySection := map[string]int{}
	for k := range g.lists {
		f, _ := g.table.Lookup(k)
		bySection[f.Section]++
	}
	for _, s := range []string{"Dairy & Eggs", "Meat & Seafood", "Produce", "Pantry", "Condiments & Sauces"} {
		if bySection[s] < 10 {
			t.Errorf("section %s has %d originals, want at least 10", s, bySection[s])
		}
	}
}

func TestEveryAlternativeIsComplete(t *testing.T) {
	t.Parallel()
	g := mustGuide(t)
	for original, alts := range g.lists {
		for _, a := range alts {
			s := a.Substitute
			if s.Food == original || s.Name == "" || s.Ratio == "" || s.Impact == "" || s.Reason == "" {
				t.Errorf("%s → %+v: incomplete or the original itself", original, s)
			}
			if s.Dietary == nil {
				t.Errorf("%s → %s: nil Dietary", original, s.Name)
			}
		}
	}
}

// Each impact must be the table's own numbers subtracted, main food minus
// original, rounded as documented.
func TestNutritionImpactIsTheTableDifference(t *testing.T) {
	t.Parallel()
	g := mustGuide(t)
	for original, alts := range g.lists {
		o, _ := g.table.Lookup(original)
		for _, a := range alts {
			s, _ := g.table.Lookup(a.Food)
			n := a.Nutrition
			if math.Abs(float64(n.Calories)-(s.Per100g.Calories-o.Per100g.Calories)) > 0.5 ||
				math.Abs(n.Protein-(s.Per100g.Protein-o.Per100g.Protein)) > 0.05+1e-9 ||
				math.Abs(n.Fat-(s.Per100g.Fat-o.Per100g.Fat)) > 0.05+1e-9 {
				t.Errorf("%s → %s: impact %+v does not match the table", original, a.Name, n)
			}
		}
	}
}

// A few impacts worked out by hand from foods.csv.
func TestNutritionImpactValues(t *testing.T) {
	t.Parallel()
	g := mustGuide(t)
	cases := []struct {
		ingredient, name string
		want             NutritionImpact
	}{
		{"egg", "flax egg", NutritionImpact{Calories: 391, Protein: 5.7, Fat: 32.7}},                // 534/18.3/42.2 − 143/12.6/9.5
		{"butter", "olive oil", NutritionImpact{Calories: 167, Protein: -0.9, Fat: 18.9}},           // 884/0/100 − 717/0.9/81.1
		{"butter", "margarine", NutritionImpact{Calories: 0, Protein: -0.7, Fat: -0.4}},             // 717/0.2/80.7
		{"ground beef", "ground turkey", NutritionImpact{Calories: -106, Protein: 2.5, Fat: -12.3}}, // 148/19.7/7.7 − 254/17.2/20
		{"semi-skimmed milk", "soy milk", NutritionImpact{Calories: -17, Protein: -0.4, Fat: -0.4}}, // 33/2.9/1.6 − 50/3.3/2
		{"milk", "soy milk", NutritionImpact{Calories: -28, Protein: -0.3, Fat: -1.7}},              // − 61/3.2/3.3
	}
	for _, c := range cases {
		s, ok := find(g.For(c.ingredient, Options{}), c.name)
		if !ok || s.Nutrition != c.want {
			t.Errorf("%s → %s: %+v (found %v), want %+v", c.ingredient, c.name, s.Nutrition, ok, c.want)
		}
	}
}

// Dietary values follow the flags of every food a preparation needs.
func TestDietaryFromFlags(t *testing.T) {
	t.Parallel()
	g := mustGuide(t)
	cases := []struct {
		ingredient, name string
		want             []string
	}{
		{"butter", "ghee", []string{"Vegetarian", "Pescatarian", "Gluten-Free", "Nut-Free", "Keto", "Low-Carb"}},
		{"sugar", "honey", []string{"Vegetarian", "Pescatarian", "Gluten-Free", "Dairy-Free", "Nut-Free", "Paleo"}},
		{"all-purpose flour", "almond flour with an extra egg",
			[]string{"Vegetarian", "Pescatarian", "Gluten-Free", "Dairy-Free", "Keto", "Low-Carb", "Paleo"}},
		{"bacon", "smoky shiitake",
			[]string{"Vegetarian", "Vegan", "Pescatarian", "Dairy-Free", "Nut-Free", "Keto", "Low-Carb"}},
		{"chicken breast", "turkey breast", []string{"Gluten-Free", "Dairy-Free", "Nut-Free", "Keto", "Low-Carb", "Paleo"}},
	}
	for _, c := range cases {
		s, ok := find(g.For(c.ingredient, Options{}), c.name)
		if !ok || !slices.Equal(s.Dietary, c.want) {
			t.Errorf("%s → %s: %v (found %v), want %v", c.ingredient, c.name, s.Dietary, ok, c.want)
		}
	}
}

func find(subs []Substitute, name string) (Substitute, bool) {
	for _, s := range subs {
		if s.Name == name {
			return s, true
		}
	}
	return Substitute{}, false
}

func names(subs []Substitute) []string {
	out := make([]string, len(subs))
	for i, s := range subs {
		out[i] = s.Name
	}
	return out
}

// Impacts are shown as JSON, where -0 would read "-0".
func TestRound1(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want float64 }{
		{21.599999999999998, 21.6}, {-0.4000000000000001, -0.4}, {0.04, 0}, {-0.04, 0}, {-0.05, -0.1}, {0, 0},
	}
	for _, c := range cases {
		if got := round1(c.in); got != c.want || math.Signbit(got) != math.Signbit(c.want) {
			t.Errorf("round1(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}
