package porttest

import (
	"reflect"
	"testing"

	"github.com/mealplanner/backend/domain/recipe"
)

func recipeSearchTests(run func(string, func(*testing.T, Stores))) {
	run("search ranks a name above a description", searchRankName)
	run("search ranks names holding every word first, then by rating", searchRankFields)
	run("search breaks equal ranks by rating, reviews, then id", searchRankTies)
	run("ranked pages run across the tiers", searchRankPages)
	run("search takes the last word, and only it, as a prefix", searchPrefix)
	run("search needs every word, in any field", searchAllWords)
	run("search ignores case, stop words and query syntax", searchSafe)
	run("each filter alone", searchFilters)
	run("filters and a query combined", searchCombined)
	run("allergens by the recipes' allergens, other allergies by ingredient text", searchAllergies)
}

// found is one page of a search: the ids in order, the total, the summaries.
type found struct {
	ids       []int64
	total     int
	summaries []recipe.Summary
}

func mustSearch(t *testing.T, s Stores, c recipe.Criteria) found {
	t.Helper()
	sums, total, err := s.Recipes.Search(t.Context(), c)
	if err != nil {
		t.Fatalf("Search(%+v): %v", c, err)
	}
	if sums == nil {
		t.Errorf("Search(%+v) returned a nil page, want []", c)
	}
	f := found{ids: []int64{}, total: total, summaries: sums}
	for _, sum := range sums {
		f.ids = append(f.ids, sum.ID)
	}
	return f
}

// assertIDsOf checks that a search found exactly want, in order, and counted them.
func assertIDsOf(t *testing.T, what string, f found, want ...int64) {
	t.Helper()
	if want == nil {
		want = []int64{}
	}
	if !reflect.DeepEqual(f.ids, want) || f.total != len(want) {
		t.Errorf("%s: got %v (total %d), want %v (total %d)", what, f.ids, f.total, want, len(want))
	}
}

// byName searches with the name sort, whose order is the same in every store.
func byName(c recipe.Criteria) recipe.Criteria {
	c.Sort = recipe.SortName
	return c
}

func searchRankName(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	// Arancini is better rated but only mentions risotto in its description
	assertIDsOf(t, "risotto", mustSearch(t, s, recipe.Criteria{Query: "risotto"}), 104, 105)
	assertIDsOf(t, "risotto, sort relevance", mustSearch(t, s, recipe.Criteria{Query: "Risotto",
		Sort: recipe.SortRelevance}), 104, 105)
}

func searchRankFields(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	// 107 (4.4) and 103 (4.3) have curry in their names, 101 (4.8) only in a tag
	assertIDsOf(t, "curry", mustSearch(t, s, recipe.Criteria{Query: "curry"}), 107, 103, 101)
	// every word must be in the name: 101 has chicken there but rice in its ingredients
	assertIDsOf(t, "chicken soup", mustSearch(t, s, recipe.Criteria{Query: "chicken soup"}), 106)
	assertIDsOf(t, "chicken", mustSearch(t, s, recipe.Criteria{Query: "chicken"}), 101, 106)
	assertIDsOf(t, "rice", mustSearch(t, s, recipe.Criteria{Query: "rice"}), 105, 101, 103, 110, 104)
	assertIDsOf(t, "a tag", mustSearch(t, s, recipe.Criteria{Query: "budget"}), 107)
	assertIDsOf(t, "an ingredient name", mustSearch(t, s, recipe.Criteria{Query: "passata"}), 101)
	assertIDsOf(t, "a food key", mustSearch(t, s, recipe.Criteria{Query: "cheek"}), 111)
	assertIDsOf(t, "a description", mustSearch(t, s, recipe.Criteria{Query: "meringue"}), 108)
	assertIDsOf(t, "not the category", mustSearch(t, s, recipe.Criteria{Query: "dessert"}))
}

func searchRankTies(t *testing.T, s Stores) {
	for _, v := range []struct {
		id      int64
		rating  float64
		reviews int
	}{{201, 4.0, 50}, {204, 4.5, 10}, {203, 4.5, 10}, {202, 4.5, 20}} {
		r := SampleRecipes()[6]
		r.ID, r.Name, r.Rating, r.ReviewCount = v.id, "Red Lentil Dal", v.rating, v.reviews
		if err := s.Recipes.Create(t.Context(), r); err != nil {
			t.Fatalf("Create: %v", err)
		}
	}
	assertIDsOf(t, "equal text", mustSearch(t, s, recipe.Criteria{Query: "lentil"}), 202, 203, 204, 201)
}

func searchRankPages(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	// curry: 107 and 103 by name, then 101
	for _, tc := range []struct {
		offset, limit int
		want          []int64
	}{{0, 2, []int64{107, 103}}, {1, 1, []int64{103}}, {1, 2, []int64{103, 101}}, {2, 5, []int64{101}},
		{3, 1, []int64{}}, {1, 0, []int64{103, 101}}} {
		f := mustSearch(t, s, recipe.Criteria{Query: "curry", Offset: tc.offset, Limit: tc.limit})
		if !reflect.DeepEqual(f.ids, tc.want) || f.total != 3 {
			t.Errorf("curry, offset %d limit %d: %v (total %d), want %v (total 3)", tc.offset, tc.limit, f.ids,
				f.total, tc.want)
		}
	}
}

func searchPrefix(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	assertIDsOf(t, "chick", mustSearch(t, s, byName(recipe.Criteria{Query: "chick"})), 106, 101, 107)
	assertIDsOf(t, "chicken tikk", mustSearch(t, s, recipe.Criteria{Query: "chicken tikk"}), 101)
	assertIDsOf(t, "tikka masal", mustSearch(t, s, recipe.Criteria{Query: "tikka masal"}), 101)
	assertIDsOf(t, "pav", mustSearch(t, s, recipe.Criteria{Query: "pav"}), 108)
	assertIDsOf(t, "chick soup: only the last word is a prefix",
		mustSearch(t, s, recipe.Criteria{Query: "chick soup"}))
	assertIDsOf(t, "chicken soup", mustSearch(t, s, recipe.Criteria{Query: "chicken soup"}), 106)
}

func searchAllWords(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	assertIDsOf(t, "chicken rice", mustSearch(t, s, recipe.Criteria{Query: "chicken rice"}), 101)
	assertIDsOf(t, "name and ingredient", mustSearch(t, s, recipe.Criteria{Query: "beef carrots"}), 102)
	assertIDsOf(t, "beef chicken", mustSearch(t, s, recipe.Criteria{Query: "beef chicken"}))
	assertIDsOf(t, "no match", mustSearch(t, s, recipe.Criteria{Query: "zzzzqx"}))
}

func searchSafe(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	assertIDsOf(t, "upper case", mustSearch(t, s, byName(recipe.Criteria{Query: "CHICKEN"})), 106, 101)
	assertIDsOf(t, "stop words", mustSearch(t, s, recipe.Criteria{Query: "the beef and stew"}), 102)
	if f := mustSearch(t, s, recipe.Criteria{Query: "!!! ... the"}); f.total != 12 {
		t.Errorf("a query without words found %d recipes, want all 12", f.total)
	}
	for q, want := range map[string][]int64{
		`tikka'); DROP TABLE recipes; --`: nil,
		`"chicken" OR beef*`:              nil,
		`NEAR(chicken tikka)`:             nil,
		`chick*:`:                         {106, 101, 107},
		`(tikka) & | ! <-> : * \ ' "`:     {101},
		`tikka:*`:                         {101},
		`-chicken`:                        {106, 101},
		`"unbalanced`:                     nil,
		"chicken\x00tikka":                {101},
	} {
		assertIDsOf(t, q, mustSearch(t, s, byName(recipe.Criteria{Query: q})), want...)
	}
	mustGetRecipe(t, s, 101)
}

// filterCases try each filter alone on the samples, in name order.
var filterCases = []struct {
	name string
	c    recipe.Criteria
	want []int64
}{
	{"category, any case", recipe.Criteria{Category: "chicken"}, []int64{106, 101}},
	{"category, padded", recipe.Criteria{Category: " VEGETARIAN "}, []int64{112, 104}},
	{"cuisine", recipe.Criteria{Cuisine: "italian"}, []int64{105, 104, 111}},
	{"ingredient name", recipe.Criteria{Ingredient: "chick"}, []int64{106, 101, 107}},
	{"ingredient, any case", recipe.Criteria{Ingredient: "RICE"}, []int64{105, 101, 104, 110, 103}},
	{"ingredient food key", recipe.Criteria{Ingredient: "pork cheek"}, []int64{111}},
	{"ingredient, within words", recipe.Criteria{Ingredient: "egg"}, []int64{105, 106, 110, 108, 111}},
	{"ingredient, wildcards are text", recipe.Criteria{Ingredient: "_%"}, nil},
	{"dietary", recipe.Criteria{Dietary: []string{"vegan"}}, []int64{107, 103}},
	{"dietary, all of them", recipe.Criteria{Dietary: []string{"Vegetarian", "gluten-free"}},
		[]int64{107, 112, 104, 108, 103}},
	{"exclude an allergen", recipe.Criteria{ExcludeAllergens: []string{"Dairy"}},
		[]int64{102, 106, 107, 110, 109, 103}},
	{"exclude an allergy by ingredient", recipe.Criteria{ExcludeAllergens: []string{"kiwi"}},
		[]int64{105, 102, 106, 101, 107, 112, 104, 110, 109, 111, 103}},
	{"exclude allergens, any case", recipe.Criteria{ExcludeAllergens: []string{"peanuts", "SHELLFISH"}},
		[]int64{105, 102, 106, 101, 107, 112, 104, 108, 109, 111, 103}},
	{"exclude an allergen by tag or ingredient", recipe.Criteria{ExcludeAllergens: []string{"Soy"}},
		[]int64{105, 102, 106, 101, 107, 112, 104, 110, 108, 111}},
	{"exclude an ingredient", recipe.Criteria{ExcludeIngredients: []string{"onion"}},
		[]int64{105, 106, 101, 104, 110, 108, 109, 111, 103}},
	{"exclude ingredients", recipe.Criteria{ExcludeIngredients: []string{"mushroom", "CREAM"}},
		[]int64{105, 102, 106, 107, 112, 110, 109, 111, 103}},
	{"max prep time", recipe.Criteria{MaxPrepTime: 10}, []int64{107, 112, 104, 109, 111}},
	{"max total time", recipe.Criteria{MaxTotalTime: 30}, []int64{112, 110, 109, 111}},
	{"difficulty", recipe.Criteria{Difficulty: recipe.Hard}, []int64{105, 108}},
	{"tag, any case", recipe.Criteria{Tags: []string{"comfort food"}}, []int64{102, 106, 104}},
	{"tags, all of them", recipe.Criteria{Tags: []string{"QUICK", "healthy"}}, []int64{112, 109}},
	{"exclude ids", recipe.Criteria{ExcludeIDs: []int64{101, 105, 999}},
		[]int64{102, 106, 107, 112, 104, 110, 108, 109, 111, 103}},
	{"blank values do not filter", recipe.Criteria{Category: "  ", Dietary: []string{" "}, Tags: []string{""},
		ExcludeAllergens: []string{""}, ExcludeIngredients: []string{" "}},
		[]int64{105, 102, 106, 101, 107, 112, 104, 110, 108, 109, 111, 103}},
}

func searchFilters(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	for _, tc := range filterCases {
		assertIDsOf(t, tc.name, mustSearch(t, s, byName(tc.c)), tc.want...)
	}
}

func searchCombined(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	cases := []struct {
		name string
		c    recipe.Criteria
		want []int64
	}{
		{"query, dietary, time", recipe.Criteria{Query: "rice", Dietary: []string{"Vegetarian"}, MaxTotalTime: 50},
			[]int64{104, 103}},
		{"query, category, dislike", recipe.Criteria{Query: "curry", Category: "vegan",
			ExcludeIngredients: []string{"tofu"}}, []int64{107}},
		{"cuisine, allergy", recipe.Criteria{Cuisine: "Italian", ExcludeAllergens: []string{"eggs"}}, []int64{104}},
		{"tag, dietary", recipe.Criteria{Tags: []string{"spicy"}, Dietary: []string{"dairy-free"}}, []int64{110}},
		{"everything excluded", recipe.Criteria{Category: "chicken", ExcludeIDs: []int64{101, 106}}, nil},
		// a NUL can reach no stored text: it finds nothing, and excludes nothing
		{"NUL in a filter", recipe.Criteria{Category: "Beef\x00", Ingredient: "beef"}, nil},
		{"NUL in a list", recipe.Criteria{Tags: []string{"stew\x00"}}, nil},
		{"NUL in an exclusion", recipe.Criteria{Category: "beef", ExcludeIngredients: []string{"\x00beef"},
			ExcludeAllergens: []string{"gluten\x00"}}, []int64{102}},
	}
	for _, tc := range cases {
		assertIDsOf(t, tc.name, mustSearch(t, s, byName(tc.c)), tc.want...)
	}
}

func searchAllergies(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	r := SampleRecipes()[11]
	r.ID, r.Name, r.Category, r.Allergens = 130, "Vegan Toast", "Breakfast", []string{"Gluten"}
	r.Ingredients = []recipe.Ingredient{ing("Dairy-Free Spread", "1 tbsp", 1, "tbsp", "vegan spread", "Chilled"),
		ing("Sourdough", "2 slices", 2, "slice", "bread", "Bakery")}
	if err := s.Recipes.Create(t.Context(), r); err != nil {
		t.Fatalf("Create: %v", err)
	}
	breakfast := func(avoid ...string) recipe.Criteria {
		return byName(recipe.Criteria{Category: "breakfast", ExcludeAllergens: avoid})
	}
	assertIDsOf(t, "Dairy, a contract allergen, by the allergens", mustSearch(t, s, breakfast("DAIRY")), 130)
	assertIDsOf(t, "dairy-free, free text, by the ingredients", mustSearch(t, s, breakfast("dairy-free")))
	assertIDsOf(t, "bread, free text, by a food key", mustSearch(t, s, breakfast("bread")))
	assertIDsOf(t, "gluten, by the allergens", mustSearch(t, s, breakfast(" Gluten ")))
	assertIDsOf(t, "peanut, free text, within an ingredient name",
		mustSearch(t, s, byName(recipe.Criteria{Category: "seafood", ExcludeAllergens: []string{"peanut"}})), 109)
}
