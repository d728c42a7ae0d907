package http_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/mealplanner/backend/domain/recipe"
)

// The fixture ids. Potato Masala has the lower id and "potato" only among
// its ingredients and description, so a name match that comes first proves
// the ranking rather than the id order.
const (
	idTeriyaki   = 52772
	idMasala     = 52800
	idPotatoes   = 52965
	idChickpea   = 53010
	idChocolate  = 53050
	fixtureCount = 5
)

func ing(name, measure string) recipe.Ingredient {
	return recipe.Ingredient{Name: name, Measure: measure}
}

// fixtures are a handful of recipes written for these tests, covering two
// breakfasts, a two-word cuisine, a vegan dish, a hard dessert, a water line
// (0 kcal) and lines that cannot be counted.
func fixtures() []recipe.Recipe {
	return []recipe.Recipe{
		{ID: idTeriyaki, Name: "Teriyaki Chicken Casserole", Category: "Chicken", Cuisine: "Japanese",
			Description: "A sweet and salty bake.", Tags: []string{"Casserole", "Meat"}, Difficulty: recipe.Easy,
			PrepTime: 10, CookTime: 45, Servings: 4, YoutubeURL: "https://www.youtube.com/watch?v=4aZr5hZXP_s",
			Ingredients: []recipe.Ingredient{ing("soy sauce", "3/4 cup"), ing("water", "1/2 cup"),
				ing("brown sugar", "1/4 cup"), ing("chicken breast", "2 lb"), ing("salt", "to taste"),
				ing("dragonfruit essence", "1 tsp")},
			Instructions: []string{"Mix the sauce.", "Bake the chicken in it."}},
		{ID: idMasala, Name: "Masala Dosa", Category: "breakfast", Cuisine: "South Indian",
			Description: "Crisp pancakes around a spiced potato filling.", Difficulty: recipe.Medium,
			PrepTime: 30, CookTime: 30, Servings: 4,
			Ingredients:  []recipe.Ingredient{ing("rice flour", "200 g"), ing("potato", "500 g"), ing("salt", "1 tsp")},
			Instructions: []string{"Make the batter.", "Cook the potatoes.", "Fill and fold."}},
		{ID: idPotatoes, Name: "Breakfast Potatoes", Category: "Breakfast", Cuisine: "Canadian",
			Difficulty: recipe.Easy, PrepTime: 5, CookTime: 15, Servings: 2,
			Ingredients:  []recipe.Ingredient{ing("potato", "3"), ing("olive oil", "1 tbsp")},
			Instructions: []string{"Dice and fry."}},
		{ID: idChickpea, Name: "Chickpea Salad", Category: "Vegan", Cuisine: "Mediterranean",
			Tags: []string{"salad"}, Difficulty: recipe.Easy, PrepTime: 10, Servings: 2,
			Ingredients: []recipe.Ingredient{ing("chickpea", "400 g"), ing("olive oil", "2 tbsp"),
				ing("lemon juice", "1 tbsp")},
			Instructions: []string{"Toss everything together."}},
		{ID: idChocolate, Name: "Chocolate Cake", Category: "Dessert", Cuisine: "American", Difficulty: recipe.Hard,
			PrepTime: 30, CookTime: 60, Servings: 8, SourceURL: "https://example.com/cake",
			Ingredients: []recipe.Ingredient{ing("flour", "200 g"), ing("sugar", "200 g"), ing("cocoa powder", "50 g"),
				ing("egg", "3"), ing("butter", "100 g")},
			Instructions: []string{"Mix.", "Bake for an hour."}},
	}
}

// seed stores recipes through the catalogue, as the seed command does.
func (a *api) seed(rs ...recipe.Recipe) {
	a.t.Helper()
	if len(rs) == 0 {
		rs = fixtures()
	}
	if _, err := a.app.Catalogue.Seed(a.t.Context(), rs); err != nil {
		a.t.Fatalf("seeding: %v", err)
	}
}

// get is a GET with a token that must answer want.
func (a *api) get(path, token string, want int) response {
	a.t.Helper()
	res := a.do("GET", path, token, nil)
	wantStatus(a.t, res, want)
	return res
}

// List decodes a body that is a JSON array.
func (r response) List(t *testing.T) []any {
	t.Helper()
	var list []any
	if err := json.Unmarshal(r.Body, &list); err != nil {
		t.Fatalf("body is not a JSON array: %v\n%s", err, r.Body)
	}
	return list
}

// recipesOf returns the recipes of a page (or of a similar-recipes answer).
func recipesOf(t *testing.T, res response) []map[string]any {
	t.Helper()
	raw, ok := res.JSON(t)["recipes"].([]any)
	if !ok {
		t.Fatalf("no recipes array: %s", res.Body)
	}
	out := make([]map[string]any, len(raw))
	for i, r := range raw {
		out[i] = r.(map[string]any)
	}
	return out
}

func names(list []map[string]any) []string {
	out := make([]string, len(list))
	for i, r := range list {
		out[i], _ = r["name"].(string)
	}
	return out
}

// wantError checks the status, code and text of an error answer.
func wantError(t *testing.T, res response, status int, text string) {
	t.Helper()
	wantStatus(t, res, status)
	if got := res.ErrorText(t); text != "" && got != text {
		t.Errorf("error %q, want %q", got, text)
	}
}

// details returns the details of an error answer.
func details(t *testing.T, res response) map[string]any {
	t.Helper()
	d, _ := res.JSON(t)["details"].(map[string]any)
	return d
}

func wantDetail(t *testing.T, res response, fields ...string) {
	t.Helper()
	wantStatus(t, res, http.StatusBadRequest)
	d := details(t, res)
	for _, f := range fields {
		if _, ok := d[f]; !ok {
			t.Errorf("details %v lack %q", d, f)
		}
	}
}

func num(v any) float64 { f, _ := v.(float64); return f }
