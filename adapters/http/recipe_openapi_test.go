package http

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/nutrition"
	"github.com/mealplanner/backend/domain/recipe"
)

func sampleRecipe() *recipe.Recipe {
	q := 0.75
	at := time.Date(2026, 1, 4, 10, 0, 0, 0, time.UTC)
	return &recipe.Recipe{ID: 52772, Name: "Teriyaki Chicken Casserole", Category: "Chicken", Cuisine: "Japanese",
		Difficulty: recipe.Easy, PrepTime: 10, CookTime: 45, Servings: 4, Rating: 4.25, ReviewCount: 4,
		Ingredients: []recipe.Ingredient{{Name: "soy sauce", Measure: "3/4 cup", Quantity: &q, Unit: "cup",
			Food: "soy sauce", Section: "Condiments & Sauces"}, {Name: "salt", Measure: "to taste", Section: "Pantry"}},
		Instructions: []string{"Bake."}, Nutrition: food.Nutrients{Calories: 412.6, Protein: 30.04, Sodium: 1200.4},
		Images:     recipe.Images{Original: "http://cdn/o.png", Large: "http://cdn/l.jpg", Medium: "http://cdn/m.jpg", Thumbnail: "http://cdn/t.jpg"},
		YoutubeURL: "https://youtube.com/watch?v=x", CreatedAt: at, UpdatedAt: at}
}

func sampleNutrition() app.RecipeNutrition {
	water := &food.Food{Key: "water"}
	flour := &food.Food{Key: "plain flour"}
	return app.RecipeNutrition{RecipeID: 52772, RecipeNutrition: nutrition.RecipeNutrition{Servings: 4, Counted: 1,
		Totals: food.Nutrients{Calories: 10}, PerServing: food.Nutrients{Calories: 2.5}, Incomplete: nil,
		Lines: []nutrition.Line{
			{Name: "water", Measure: "1 cup", Counted: true, Grams: 236.58, Food: water},
			{Name: "flour", Measure: "1 heap", Food: flour, Reason: nutrition.NoPortion},
			{Name: "salt", Measure: "to taste", Reason: nutrition.Unmeasurable}}}}
}

func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// edited decodes a JSON object, lets edit change it and encodes it again.
func edited(t *testing.T, body []byte, edit func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	return mustMarshal(t, m)
}

func pagedHeader() http.Header {
	h := jsonHeader()
	h.Set("X-Total-Count", "1")
	return h
}

func TestRecipeResponsesOfTheMappersMatchTheDocument(t *testing.T) {
	rec := mustMarshal(t, toRecipeJSON(sampleRecipe()))
	page := mustMarshal(t, toRecipePageJSON(app.Page[recipe.Summary]{Items: []recipe.Summary{sampleRecipe().Summarise()}, Total: 1, Page: 1, Limit: 24}))
	cases := []struct {
		method, path string
		header       http.Header
		body         []byte
	}{
		{"GET", "/api/v1/recipes/52772", jsonHeader(), rec},
		{"GET", "/api/recipes?category=breakfast", pagedHeader(), page},
		{"GET", "/api/v1/recipes/favorites", pagedHeader(), page},
		{"GET", "/api/v1/users/me/favorites", pagedHeader(), page},
		{"GET", "/api/recipes/52772/nutrition", jsonHeader(), mustMarshal(t, toRecipeNutritionJSON(sampleNutrition()))},
		{"GET", "/api/recipes/categories", jsonHeader(), mustMarshal(t, toCategoriesJSON([]recipe.CategoryInfo{{Name: "Beef", Count: 3}}))},
		{"GET", "/api/recipes/cuisines", jsonHeader(), []byte(`["American","South Indian"]`)},
		{"GET", "/api/recipes/52772/similar", jsonHeader(), mustMarshal(t, similarJSON{Recipes: toSummariesJSON(nil)})},
		{"PUT", "/api/recipes/52772/rating", jsonHeader(), []byte(`{"recipeId":"52772","rating":4.5,"reviewCount":2,"myRating":5}`)},
	}
	for _, c := range cases {
		if err := validateResponse(httptest.NewRequest(c.method, c.path, nil), 200, c.header, c.body); err != nil {
			t.Errorf("%s %s: %v\n%s", c.method, c.path, err, c.body)
		}
	}
}

func TestCheckResponseRejectsBadRecipes(t *testing.T) {
	rec := mustMarshal(t, toRecipeJSON(sampleRecipe()))
	n := mustMarshal(t, toRecipeNutritionJSON(sampleNutrition()))
	line := func(i int, edit func(map[string]any)) func(map[string]any) {
		return func(m map[string]any) { edit(m["ingredients"].([]any)[i].(map[string]any)) }
	}
	cases := []struct {
		name, path string
		body       []byte
	}{
		{"null dietaryTags", "/api/v1/recipes/52772", edited(t, rec, func(m map[string]any) { m["dietaryTags"] = nil })},
		{"missing servings", "/api/v1/recipes/52772", edited(t, rec, func(m map[string]any) { delete(m, "servings") })},
		{"extra field", "/api/v1/recipes/52772", edited(t, rec, func(m map[string]any) { m["deletedAt"] = "x" })},
		{"fractional calories", "/api/v1/recipes/52772", edited(t, rec, func(m map[string]any) { m["calories"] = 412.6 })},
		{"leading zero id", "/api/v1/recipes/52772", edited(t, rec, func(m map[string]any) { m["id"] = "052772" })},
		{"empty source url", "/api/v1/recipes/52772", edited(t, rec, func(m map[string]any) { m["sourceUrl"] = "" })},
		{"null incomplete", "/api/v1/recipes/52772/nutrition", edited(t, n, func(m map[string]any) { m["incomplete"] = nil })},
		{"counted without food", "/api/v1/recipes/52772/nutrition", edited(t, n, line(0, func(l map[string]any) { delete(l, "food") }))},
		{"counted without grams", "/api/v1/recipes/52772/nutrition", edited(t, n, line(0, func(l map[string]any) { delete(l, "grams") }))},
		{"not counted with grams", "/api/v1/recipes/52772/nutrition", edited(t, n, line(1, func(l map[string]any) { l["grams"] = 1 }))},
		{"not counted without reason", "/api/v1/recipes/52772/nutrition", edited(t, n, line(2, func(l map[string]any) { delete(l, "reason") }))},
	}
	for _, c := range cases {
		if err := validateResponse(httptest.NewRequest("GET", c.path, nil), 200, jsonHeader(), c.body); err == nil {
			t.Errorf("%s: accepted", c.name)
		}
	}
	page := mustMarshal(t, toRecipePageJSON(app.Page[recipe.Summary]{Page: 1, Limit: 24}))
	if err := validateResponse(httptest.NewRequest("GET", "/api/recipes", nil), 200, jsonHeader(), page); err == nil {
		t.Error("a page without X-Total-Count was accepted")
	}
}

func TestNutritionJSONKeepsTheContractsPresenceRules(t *testing.T) {
	out := toRecipeNutritionJSON(sampleNutrition())
	b := string(mustMarshal(t, out.Ingredients))
	want := `[{"name":"water","measure":"1 cup","status":"counted","grams":236.6,"food":{"id":"water","description":"Water"},"calories":0},` +
		`{"name":"flour","measure":"1 heap","status":"notCounted","reason":"noPortion"},` +
		`{"name":"salt","measure":"to taste","status":"notCounted","reason":"unmeasurable"}]`
	if b != want {
		t.Errorf("lines\n got %s\nwant %s", b, want)
	}
	if out.Incomplete == nil || out.Coverage != (coverageJSON{Counted: 1, Total: 3}) || out.RecipeID != "52772" {
		t.Errorf("nutrition = %+v", out)
	}
}
