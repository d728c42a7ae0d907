package recipe

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func qty(v float64) *float64 { return &v }

// synthTemplates are five small templates: two vegan, one vegetarian, two
// with meat or fish, one without dates or nutrition.
func synthTemplates() []*Recipe {
	created := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	line := func(name, food string) Ingredient {
		return Ingredient{Name: name, Measure: "1 cup", Quantity: qty(1), Unit: "cup", Food: food, Section: "Pantry"}
	}
	return []*Recipe{
		{ID: 1, Name: "Chickpea Curry", Category: "Vegan", Cuisine: "Indian", Tags: []string{"curry", "vegan"},
			Difficulty: Easy, PrepTime: 10, CookTime: 25, Servings: 4, DietaryTags: []string{"Vegan", "Vegetarian"},
			Ingredients: []Ingredient{line("chickpeas", "chickpea"), line("onion", "onion"),
				line("spinach", "spinach"), line("cumin", "cumin"), line("tomatoes", "tomato")},
			Instructions: []string{"Fry.", "Simmer."}, Description: "Thrifty. Warming.",
			Nutrition: Nutrients{Calories: 350, Protein: 14, Carbohydrate: 40, Fat: 12, Fiber: 9, Sugars: 6, Sodium: 400},
			CreatedAt: created},
		{ID: 2, Name: "Beef Stew", Category: "Beef", Cuisine: "British", Tags: []string{"stew"}, Difficulty: Medium,
			PrepTime: 20, CookTime: 150, Servings: 6, DietaryTags: []string{"Dairy-Free"}, Allergens: []string{"Gluten"},
			Ingredients:  []Ingredient{line("beef chuck", "beef"), line("carrots", "carrot"), line("plain flour", "wheat flour")},
			Instructions: []string{"Brown.", "Braise."}, Description: "Rich.", CreatedAt: created.Add(-time.Hour)},
		{ID: 3, Name: "Lentil Soup", Category: "Vegan", Cuisine: "Turkish", Tags: []string{"soup", "vegan", "gluten-free"},
			PrepTime: 10, CookTime: 30, Servings: 4,
			Ingredients:  []Ingredient{line("red lentils", "lentil"), line("carrots", "carrot"), line("lemon", "lemon")},
			Instructions: []string{"Simmer."}, Description: "Silky."},
		{ID: 4, Name: "Salmon Traybake", Category: "Seafood", Cuisine: "Nordic", Tags: []string{"quick"}, Difficulty: Easy,
			PrepTime: 10, CookTime: 20, Servings: 2, DietaryTags: []string{"Pescatarian", "Gluten-Free"},
			Allergens: []string{"Fish"}, Ingredients: []Ingredient{line("salmon fillets", "salmon"),
				{Name: "salt", Measure: "to taste", Food: "salt"}, line("new potatoes", "potato")},
			Instructions: []string{"Roast."}, Description: "Easy."},
		{ID: 5, Name: "Mushroom Risotto", Category: "Vegetarian", Cuisine: "Italian", Difficulty: Hard, PrepTime: 10,
			CookTime: 35, Servings: 4, DietaryTags: []string{"Vegetarian", "Gluten-Free"}, Allergens: []string{"Dairy"},
			Ingredients:  []Ingredient{line("arborio rice", "rice"), line("mushrooms", "mushroom"), line("parmesan", "parmesan")},
			Instructions: []string{"Stir."}, Description: "Creamy."},
	}
}

func TestSynthesizeIsDeterministic(t *testing.T) {
	t.Parallel()
	a := Synthesize(42, synthTemplates(), 500, 100_000)
	b := Synthesize(42, synthTemplates(), 500, 100_000)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave different recipes")
	}
	c := Synthesize(43, synthTemplates(), 500, 100_000)
	if reflect.DeepEqual(a, c) {
		t.Error("different seeds gave the same recipes")
	}
}

func TestSynthesizeMakesValidRecipes(t *testing.T) {
	t.Parallel()
	templates := synthTemplates()
	got := Synthesize(7, templates, 3000, 500)
	if len(got) != 3000 {
		t.Fatalf("got %d recipes, want 3000", len(got))
	}
	names := map[string]bool{}
	for i, r := range got {
		if r.ID != int64(500+i) {
			t.Fatalf("recipe %d has id %d, want %d", i, r.ID, 500+i)
		}
		names[r.Name] = true
		checkSynthetic(t, r, templates)
	}
	if len(names) < 500 {
		t.Errorf("only %d distinct names among 3000 recipes", len(names))
	}
}

// checkSynthetic checks one recipe against what its templates allow.
func checkSynthetic(t *testing.T, r *Recipe, templates []*Recipe) {
	t.Helper()
	if r.Name == "" || strings.Contains(r.Name, "  ") || r.Description == "" || len(r.Instructions) == 0 {
		t.Errorf("%d: bad text: name %q, description %q, %d steps", r.ID, r.Name, r.Description, len(r.Instructions))
	}
	if len(r.Ingredients) < 2 || r.Servings < 1 || r.PrepTime%5 != 0 || r.CookTime%5 != 0 || r.TotalTime() <= 0 {
		t.Errorf("%d: bad shape: %d lines, %d servings, %d+%d min", r.ID, len(r.Ingredients), r.Servings,
			r.PrepTime, r.CookTime)
	}
	if r.Nutrition.Calories < 100 || r.Nutrition.Protein <= 0 || r.Difficulty == "" {
		t.Errorf("%d: implausible nutrition %+v or difficulty %q", r.ID, r.Nutrition, r.Difficulty)
	}
	if (r.Rating == 0) != (r.ReviewCount == 0) || r.Rating < 0 || r.Rating > 5 || r.FavoriteCount < 0 {
		t.Errorf("%d: rating %v from %d reviews, %d favourites", r.ID, r.Rating, r.ReviewCount, r.FavoriteCount)
	}
	epoch := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	if r.CreatedAt.After(epoch) || r.CreatedAt.Before(epoch.AddDate(0, 0, -731)) || r.UpdatedAt.Before(r.CreatedAt) {
		t.Errorf("%d: created %v, updated %v", r.ID, r.CreatedAt, r.UpdatedAt)
	}
	for _, diet := range r.DietaryTags {
		for _, in := range r.Ingredients {
			if !slices.ContainsFunc(templates, func(tp *Recipe) bool { return hasLine(tp, in) && holds(tp, diet) }) {
				t.Errorf("%d (%s) claims %s but %q comes from no such template", r.ID, r.Name, diet, in.Name)
			}
		}
	}
	for _, in := range r.Ingredients {
		for _, tp := range templates {
			if hasLine(tp, in) && !containsAll(r.Allergens, tp.Allergens) && onlyIn(templates, in) == tp {
				t.Errorf("%d: %q brings %v, allergens are %v", r.ID, in.Name, tp.Allergens, r.Allergens)
			}
		}
	}
	if (r.Category == "Vegan" || r.Category == "Vegetarian") && !slices.Contains(r.DietaryTags, r.Category) {
		t.Errorf("%d: category %s with dietary tags %v", r.ID, r.Category, r.DietaryTags)
	}
}

func hasLine(tp *Recipe, in Ingredient) bool {
	return slices.ContainsFunc(tp.Ingredients, func(x Ingredient) bool { return x.Name == in.Name })
}

func holds(tp *Recipe, diet string) bool { return containsFold(dietOf(tp), diet) }

func containsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// onlyIn is the one template with the line, or nil when several have it.
func onlyIn(templates []*Recipe, in Ingredient) *Recipe {
	var found *Recipe
	for _, tp := range templates {
		if hasLine(tp, in) {
			if found != nil {
				return nil
			}
			found = tp
		}
	}
	return found
}

func TestSynthesizeSharesNothing(t *testing.T) {
	t.Parallel()
	templates := synthTemplates()
	for _, r := range Synthesize(1, templates, 200, 1) {
		for i := range r.Ingredients {
			if r.Ingredients[i].Quantity != nil {
				*r.Ingredients[i].Quantity = -1
			}
		}
		for i := range r.Tags {
			r.Tags[i] = "x"
		}
		for i := range r.Instructions {
			r.Instructions[i] = "x"
		}
		r.DietaryTags = append(r.DietaryTags[:0], "x")
		r.Allergens = append(r.Allergens[:0], "x")
	}
	if !reflect.DeepEqual(templates, synthTemplates()) {
		t.Error("changing synthetic recipes changed their templates")
	}
}

func TestSynthesizeWithoutTemplatesOrCount(t *testing.T) {
	t.Parallel()
	if got := Synthesize(1, nil, 10, 1); got == nil || len(got) != 0 {
		t.Errorf("no templates: %v, want an empty list", got)
	}
	if got := Synthesize(1, synthTemplates(), 0, 1); got == nil || len(got) != 0 {
		t.Errorf("n = 0: %v, want an empty list", got)
	}
}

func BenchmarkSynthesize(b *testing.B) {
	templates := synthTemplates()
	for b.Loop() {
		Synthesize(1, templates, 100_000, 1)
	}
}
