package substitution

import (
	"slices"
	"testing"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/recipe"
)

var (
	spongeCake = &recipe.Recipe{Name: "Victoria sponge", Category: "Dessert",
		Ingredients:  []recipe.Ingredient{{Name: "self-raising flour"}, {Name: "eggs"}, {Name: "butter"}},
		Instructions: []string{"Cream the butter and sugar, beat in the eggs, fold in the flour.", "Bake for 25 minutes."}}
	carbonara = &recipe.Recipe{Name: "Spaghetti carbonara", Category: "Pasta",
		Ingredients:  []recipe.Ingredient{{Name: "spaghetti"}, {Name: "egg yolks"}, {Name: "pancetta"}},
		Instructions: []string{"Fry the pancetta.", "Toss the hot pasta with the yolks and cheese to make a silky sauce."}}
)

// Free text resolves through the food table's matcher, to the same list the
// food key gives.
func TestForResolvesIngredientText(t *testing.T) {
	t.Parallel()
	g := mustGuide(t)
	cases := []struct{ text, key, first string }{
		{"Eggs", "egg", "flax egg"},
		{"2 large free-range eggs", "egg", "flax egg"},
		{"unsalted butter, softened", "unsalted butter", "margarine"},
		{"Butter", "butter", "margarine"},
		{"cilantro", "coriander", "flat-leaf parsley"},
		{"300ml heavy cream", "double cream", "crème fraîche"},
		{"plain flour", "all-purpose flour", "wholemeal flour"},
		{"shrimp", "prawn", "scallop"},
		{"boneless skinless chicken breasts", "chicken breast", "turkey breast"},
	}
	for _, c := range cases {
		got := g.For(c.text, Options{})
		if len(got) == 0 || got[0].Name != c.first {
			t.Errorf("For(%q) = %v, want %q first", c.text, names(got), c.first)
			continue
		}
		if want := g.For(c.key, Options{}); !slices.EqualFunc(got, want, sameSubstitute) {
			t.Errorf("For(%q) differs from For(%q)", c.text, c.key)
		}
	}
}

func sameSubstitute(a, b Substitute) bool {
	return a.Name == b.Name && a.Food == b.Food && a.Nutrition == b.Nutrition && slices.Equal(a.Dietary, b.Dietary)
}

// Unknown text, and known foods nobody substitutes, answer an empty list
// that encodes as [] rather than null.
func TestForUnknownIsEmptyNotNil(t *testing.T) {
	t.Parallel()
	g := mustGuide(t)
	for _, text := range []string{"unicorn", "", "   ", "water", "ice cubes", "xyzzy 3 tbsp"} {
		got := g.For(text, Options{Dietary: []string{"Vegan"}})
		if got == nil || len(got) != 0 {
			t.Errorf("For(%q) = %#v, want an empty non-nil slice", text, got)
		}
	}
}

// Without a recipe, the knowledge base's order is kept exactly.
func TestForKeepsOrder(t *testing.T) {
	t.Parallel()
	g := mustGuide(t)
	want := []string{"margarine", "coconut oil", "vegetable shortening", "vegetable oil", "olive oil", "ghee"}
	if got := names(g.For("butter", Options{})); !slices.Equal(got, want) {
		t.Errorf("butter: %v, want %v", got, want)
	}
	// Filtering removes without reordering what is left.
	want = []string{"margarine", "coconut oil", "vegetable shortening", "vegetable oil", "olive oil"}
	if got := names(g.For("butter", Options{Dietary: []string{"Vegan"}})); !slices.Equal(got, want) {
		t.Errorf("butter, vegan: %v, want %v", got, want)
	}
}

// A shared list has the same alternatives, with impacts against its own original.
func TestSharedListComparesWithItsOwnOriginal(t *testing.T) {
	t.Parallel()
	g := mustGuide(t)
	milk, semi := g.For("milk", Options{}), g.For("semi-skimmed milk", Options{})
	if !slices.Equal(names(milk), names(semi)) {
		t.Fatalf("semi-skimmed milk %v, milk %v", names(semi), names(milk))
	}
	if milk[0].Nutrition == semi[0].Nutrition {
		t.Errorf("%s: the same impact %+v against milk and semi-skimmed milk", milk[0].Name, milk[0].Nutrition)
	}
}

func TestVeganAskingForButterGetsOnlyPlantFats(t *testing.T) {
	t.Parallel()
	g := mustGuide(t)
	got := g.For("butter", Options{Dietary: []string{"vegan"}})
	if len(got) < 3 {
		t.Fatalf("vegan butter: %v, want at least 3", names(got))
	}
	for _, s := range got {
		f, _ := g.table.Lookup(s.Food)
		if f.Has(food.AnimalProduct) || f.Per100g.Fat < 50 || !slices.Contains(s.Dietary, "Vegan") {
			t.Errorf("vegan butter: %s is not a plant fat (flags %s, fat %.1f g)", s.Name, f.Flags, f.Per100g.Fat)
		}
	}
}

// Every dietary value filters, in any case; each case's unfiltered list holds
// something the value rules out, so the filter had work to do.
func TestForFiltersByDiet(t *testing.T) {
	t.Parallel()
	g := mustGuide(t)
	cases := []struct{ ingredient, dietary, canonical string }{
		{"milk", "Vegan", "Vegan"},
		{"chicken breast", "vegetarian", "Vegetarian"},
		{"ground beef", "Pescatarian", "Pescatarian"},
		{"all-purpose flour", "GLUTEN-FREE", "Gluten-Free"},
		{"double cream", "Dairy-Free", "Dairy-Free"},
		{"pine nut", "Nut-Free", "Nut-Free"},
		{"white rice", "Keto", "Keto"},
		{"potato", "low-carb", "Low-Carb"},
		{"soy sauce", "Paleo", "Paleo"},
	}
	for _, c := range cases {
		all := g.For(c.ingredient, Options{})
		got := g.For(c.ingredient, Options{Dietary: []string{c.dietary}})
		if len(got) == 0 || len(got) == len(all) {
			t.Errorf("%s, %s: %d of %d kept; want some but not all", c.ingredient, c.dietary, len(got), len(all))
		}
		for _, s := range got {
			if !slices.Contains(s.Dietary, c.canonical) {
				t.Errorf("%s, %s: %s is not %s (%v)", c.ingredient, c.dietary, s.Name, c.canonical, s.Dietary)
			}
		}
	}
}

func TestForFiltersByAllergy(t *testing.T) {
	t.Parallel()
	g := mustGuide(t)
	cases := []struct {
		ingredient string
		allergies  []string
		drops      []string // names that must be gone
		keeps      []string // names that must stay
	}{
		{"milk", []string{"Tree Nuts"}, []string{"almond milk"}, []string{"soy milk", "oat milk"}},
		{"milk", []string{"nuts"}, []string{"almond milk"}, []string{"soy milk", "coconut milk thinned with water"}},
		{"milk", []string{"almonds"}, []string{"almond milk"}, []string{"soy milk"}},
		{"milk", []string{"milk"}, []string{"evaporated milk with water"}, []string{"soy milk", "oat milk", "almond milk"}},
		{"pine nut", []string{"tree nuts"}, []string{"walnut", "flaked almonds"}, []string{"sunflower seed"}},
		{"prawn", []string{"Shellfish"}, []string{"scallop", "squid"}, []string{"monkfish", "diced chicken breast"}},
		{"prawn", []string{"seafood"}, []string{"scallop", "monkfish"}, []string{"diced chicken breast"}},
		{"egg", []string{"Soy"}, []string{"blended silken tofu"}, []string{"flax egg", "apple sauce"}},
		{"margarine", []string{"Dairy"}, []string{"butter"}, []string{"coconut oil"}},
		{"double cream", []string{"coconut"}, []string{"coconut cream"}, []string{"cashew cream"}},
		{"rolled oats", []string{"wheat"}, nil, []string{"buckwheat flakes"}},
		{"all-purpose flour", []string{"Eggs"}, []string{"almond flour with an extra egg"}, []string{"oat flour"}},
		{"bacon", []string{"soy"}, []string{"smoky shiitake", "smoky tempeh"}, []string{"pancetta"}},
		{"basil", []string{"  ", ""}, nil, []string{"dried basil", "rocket", "parsley"}},
	}
	for _, c := range cases {
		got := names(g.For(c.ingredient, Options{Allergies: c.allergies}))
		for _, n := range c.drops {
			if slices.Contains(got, n) {
				t.Errorf("%s, allergic to %q: %s offered", c.ingredient, c.allergies, n)
			}
		}
		for _, n := range c.keeps {
			if !slices.Contains(got, n) {
				t.Errorf("%s, allergic to %q: %s missing from %v", c.ingredient, c.allergies, n, got)
			}
		}
	}
}

// An egg in a cake needs binding and lift; in a sauce it thickens.
func TestRecipeSwitchesEggAlternatives(t *testing.T) {
	t.Parallel()
	g := mustGuide(t)
	cases := []struct {
		dish               *recipe.Recipe
		ingredient         string
		first, has, hasNot string
	}{
		{spongeCake, "eggs", "flax egg", "apple sauce", "cornflour slurry"},
		{carbonara, "egg", "flax egg", "cornflour slurry", "apple sauce"},
		{spongeCake, "egg yolk", "whole egg", "whole egg", "cornflour with milk"},
		{carbonara, "egg yolk", "cornflour with milk", "whole egg", ""},
	}
	for _, c := range cases {
		got := names(g.For(c.ingredient, Options{Recipe: c.dish}))
		if len(got) == 0 || got[0] != c.first || !slices.Contains(got, c.has) || slices.Contains(got, c.hasNot) {
			t.Errorf("%s in %s: %v; want %s first, with %s, without %q", c.ingredient, c.dish.Name, got, c.first, c.has, c.hasNot)
		}
	}
}

// Alternatives made for the dish's use come before those for any use.
func TestRecipePutsMadeForItFirst(t *testing.T) {
	t.Parallel()
	g := mustGuide(t)
	want := []string{"coconut oil", "vegetable shortening", "vegetable oil", "margarine"}
	if got := names(g.For("butter", Options{Recipe: spongeCake})); !slices.Equal(got, want) {
		t.Errorf("butter in a cake: %v, want %v", got, want)
	}
	want = []string{"coconut oil", "vegetable oil", "olive oil", "ghee", "margarine"}
	if got := names(g.For("butter", Options{Recipe: carbonara})); !slices.Equal(got, want) {
		t.Errorf("butter in carbonara: %v, want %v", got, want)
	}
}

// Callers own what they get: changing it must not change the next answer.
func TestForReturnsCopies(t *testing.T) {
	t.Parallel()
	g := mustGuide(t)
	first := g.For("butter", Options{})
	first[0].Dietary[0] = "changed"
	first[0].Name = "changed"
	again := g.For("butter", Options{})
	if again[0].Dietary[0] != "Vegetarian" || again[0].Name != "margarine" {
		t.Errorf("the guide kept the caller's change: %+v", again[0])
	}
}
