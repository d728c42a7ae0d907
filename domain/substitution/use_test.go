package substitution

import (
	"testing"

	"github.com/mealplanner/backend/domain/recipe"
)

func TestUseOf(t *testing.T) {
	t.Parallel()
	g := mustGuide(t)
	cases := []struct {
		name string
		r    recipe.Recipe
		want use
	}{
		{"dessert category", recipe.Recipe{Category: "Dessert", Instructions: []string{"Chill for 4 hours."}}, baking},
		{"leavening agent, analysed", recipe.Recipe{Category: "Breakfast",
			Ingredients: []recipe.Ingredient{{Name: "raising agent", Food: "baking powder"}}}, baking},
		{"leavening agent, matched by name", recipe.Recipe{Category: "Side", Ingredients: lines("2 tsp bicarbonate of soda")}, baking},
		{"baked good in the name", recipe.Recipe{Name: "Banana Bread", Category: "Vegetarian"}, baking},
		{"baked good in a tag, plural", recipe.Recipe{Category: "Miscellaneous", Tags: []string{"Muffins"}}, baking},
		{"kneading", recipe.Recipe{Category: "Side", Instructions: []string{"Knead the dough for 10 minutes."}}, baking},
		{"fish cakes are not cakes", recipe.Recipe{Name: "Fish Cakes", Category: "Seafood",
			Instructions: []string{"Fry the cakes until golden."}}, cooking},
		{"baking soda to tenderise beef", recipe.Recipe{Category: "Beef", Ingredients: lines("1/2 tsp baking soda"),
			Instructions: []string{"Stir-fry the beef."}}, cooking},
		{"beer batter for fish", recipe.Recipe{Category: "Seafood", Instructions: []string{"Dip in the batter and deep-fry."}}, cooking},
		{"salad in the name", recipe.Recipe{Name: "Chicken Caesar Salad", Category: "Chicken",
			Instructions: []string{"Grill the chicken."}}, raw},
		{"dressing tag", recipe.Recipe{Category: "Side", Tags: []string{"Dressing"}}, raw},
		{"instructions without heat", recipe.Recipe{Category: "Starter",
			Instructions: []string{"Blend the chickpeas with tahini.", "Chill in the fridge."}}, raw},
		{"sauté", recipe.Recipe{Category: "Vegetarian", Instructions: []string{"Sauté the onions."}}, cooking},
		{"simmered stew", recipe.Recipe{Category: "Lamb", Instructions: []string{"Simmer for two hours."}}, cooking},
		{"nothing known", recipe.Recipe{}, cooking},
	}
	for _, c := range cases {
		if got := g.useOf(&c.r); got != c.want {
			t.Errorf("%s: use %d, want %d", c.name, got, c.want)
		}
	}
}

// lines makes unanalysed ingredient lines.
func lines(names ...string) []recipe.Ingredient {
	out := make([]recipe.Ingredient, len(names))
	for i, n := range names {
		out[i] = recipe.Ingredient{Name: n}
	}
	return out
}

func TestParseUses(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want use
		ok   bool
	}{
		{"", 0, true},
		{"baking", baking, true},
		{" raw , cooking ", raw | cooking, true},
		{"baking,, raw", baking | raw, true},
		{"Baking", 0, false},
		{"frying", 0, false},
	}
	for _, c := range cases {
		got, err := parseUses(c.in)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("parseUses(%q) = %d, %v; want %d, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
}
