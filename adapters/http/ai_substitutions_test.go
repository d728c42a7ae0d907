package http_test

import (
	"slices"
	"strings"
	"testing"
)

// substitutes decodes a substitutions answer and checks every item's shape.
func substitutes(t *testing.T, res response) []map[string]any {
	t.Helper()
	wantStatus(t, res, 200)
	var out []map[string]any
	for i, v := range res.List(t) {
		item, _ := v.(map[string]any)
		for _, key := range []string{"substitute", "food", "conversionRatio", "impact", "reason"} {
			if s, _ := item[key].(string); s == "" {
				t.Errorf("item %d: %s = %v, want a non-empty string", i, key, item[key])
			}
		}
		if _, ok := item["dietaryCompatible"].(bool); !ok {
			t.Errorf("item %d: dietaryCompatible = %v, want a boolean", i, item["dietaryCompatible"])
		}
		if _, ok := item["diets"].([]any); !ok {
			t.Errorf("item %d: diets = %v, want an array", i, item["diets"])
		}
		impact, _ := item["nutritionImpact"].(map[string]any)
		if _, ok := impact["calories"].(float64); !ok {
			t.Errorf("item %d: nutritionImpact = %v", i, item["nutritionImpact"])
		}
		out = append(out, item)
	}
	return out
}

func substituteNames(items []map[string]any) []string {
	var out []string
	for _, it := range items {
		out = append(out, it["substitute"].(string))
	}
	return out
}

func TestSubstitutionsAnswerTheContractShape(t *testing.T) {
	a := newAPI(t)
	a.seed()
	owner := a.register("subs@example.com")
	all := substitutes(t, a.do("POST", "/api/v1/ai/substitutions", owner.Token, map[string]any{"ingredientName": "butter"}))
	if len(all) < 3 || all[0]["substitute"] != "margarine" || !slices.Contains(substituteNames(all), "ghee") {
		t.Fatalf("butter: %v, want the guide's list, margarine first", substituteNames(all))
	}
	vegan := substitutes(t, a.do("POST", "/api/ai/substitutions", owner.Token, map[string]any{"ingredientName": "butter",
		"userPreferences": map[string]any{"dietary": []string{"vegan"}, "allergies": []string{}}}))
	if len(vegan) == 0 || len(vegan) >= len(all) || slices.Contains(substituteNames(vegan), "ghee") {
		t.Errorf("vegan butter: %v", substituteNames(vegan))
	}
	for _, it := range vegan {
		if it["dietaryCompatible"] != true || !slices.Contains(it["diets"].([]any), any("Vegan")) {
			t.Errorf("%v: compatible %v, diets %v", it["substitute"], it["dietaryCompatible"], it["diets"])
		}
	}
	unknown := a.do("POST", "/api/v1/ai/substitutions", owner.Token, map[string]any{"ingredientName": "dragonfruit essence"})
	wantStatus(t, unknown, 200)
	if got := strings.TrimSpace(string(unknown.Body)); got != "[]" {
		t.Errorf("unknown ingredient: %s, want []", got)
	}
}

// TestSubstitutionsForARecipe: the recipe id is a string of digits or a
// number, and a bake gets other egg substitutes than a savoury dish.
func TestSubstitutionsForARecipe(t *testing.T) {
	a := newAPI(t)
	a.seed()
	owner := a.register("bake@example.com")
	cake := substituteNames(substitutes(t, a.do("POST", "/api/v1/ai/substitutions", owner.Token,
		map[string]any{"ingredientName": "egg", "recipeId": "53050"})))
	casserole := substituteNames(substitutes(t, a.do("POST", "/api/v1/ai/substitutions", owner.Token,
		map[string]any{"ingredientName": "3 eggs", "recipeId": idTeriyaki})))
	if !slices.Contains(cake, "apple sauce") || slices.Contains(cake, "mashed potato") {
		t.Errorf("egg in the chocolate cake: %v", cake)
	}
	if !slices.Contains(casserole, "mashed potato") || slices.Contains(casserole, "apple sauce") {
		t.Errorf("egg in the casserole: %v", casserole)
	}
}

func TestSubstitutionsRefusals(t *testing.T) {
	a := newAPI(t)
	a.seed()
	owner := a.register("subs-bad@example.com")
	tests := []struct {
		name   string
		token  string
		body   any
		status int
		text   string
	}{
		{"no name", owner.Token, map[string]any{}, 400, "ingredientName is required"},
		{"long name", owner.Token, map[string]any{"ingredientName": strings.Repeat("x", 201)}, 400,
			"ingredientName must be at most 200 characters"},
		{"unknown recipe", owner.Token, map[string]any{"ingredientName": "egg", "recipeId": "99999"}, 404, "recipe not found"},
		{"bad recipe id", owner.Token, map[string]any{"ingredientName": "egg", "recipeId": "abc"}, 400,
			"recipeId must be a positive integer"},
		{"unknown diet", owner.Token, map[string]any{"ingredientName": "egg",
			"userPreferences": map[string]any{"dietary": []string{"Carnivore"}}}, 400,
			"unknown dietary value: must be one of Vegetarian, Vegan, Pescatarian, Gluten-Free, Dairy-Free, Nut-Free, Keto, Low-Carb, Paleo"},
		{"wrong type", owner.Token, map[string]any{"ingredientName": 12}, 400, "ingredientName must be a string"},
		{"malformed JSON", owner.Token, `{"ingredientName":`, 400, ""},
		{"anonymous", "", map[string]any{"ingredientName": "egg"}, 401, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.do("POST", "/api/v1/ai/substitutions", tt.token, tt.body)
			wantStatus(t, res, tt.status)
			if tt.text != "" && res.ErrorText(t) != tt.text {
				t.Errorf("error %q, want %q", res.ErrorText(t), tt.text)
			}
		})
	}
}
