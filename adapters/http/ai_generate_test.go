package http_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/mealplanner/backend/domain/recipe"
)

// seedAll loads the 200 seed recipes, enough for a week of any diet.
func (a *api) seedAll() {
	a.t.Helper()
	files, err := filepath.Glob("../../testdata/recipes/*.json")
	if err != nil || len(files) == 0 {
		a.t.Fatalf("no seed recipes: %v", err)
	}
	var all []recipe.Recipe
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			a.t.Fatal(err)
		}
		var rs []recipe.Recipe
		if err := json.Unmarshal(b, &rs); err != nil {
			a.t.Fatalf("%s: %v", f, err)
		}
		all = append(all, rs...)
	}
	a.seed(all...)
}

// generatePlan asks for a plan and returns the decoded answer.
func (a *api) generatePlan(token string, body any) map[string]any {
	a.t.Helper()
	res := a.do("POST", "/api/v1/ai/generate-plan", token, body)
	wantStatus(a.t, res, 200)
	return res.JSON(a.t)
}

// slotsOf lists a MealPlan's slots as "date/meal" → slot.
func slotsOf(t *testing.T, plan map[string]any) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	days, _ := plan["days"].(map[string]any)
	for date, d := range days {
		for meal, s := range d.(map[string]any) {
			out[date+"/"+meal] = s.(map[string]any)
		}
	}
	return out
}

func TestGeneratePlanAnswersAndSavesTheWeek(t *testing.T) {
	a := newAPI(t)
	a.seedAll()
	owner := a.register("gen@example.com")
	wantStatus(t, a.do("PATCH", "/api/v1/users/me/preferences", owner.Token, map[string]any{
		"dietary": []string{"Vegan"}, "allergies": []string{"Tree Nuts"}, "householdSize": 3}), 200)
	body := a.generatePlan(owner.Token, map[string]any{"weekStart": "2026-11-25", "mealTypes": []string{"lunch", "dinner"},
		"maxPrepTime": 30, "budget": 50})
	plan := body["mealPlan"].(map[string]any)
	if plan["id"] == nil || plan["weekStart"] != "2026-11-22" || plan["mealCount"] != 14.0 {
		t.Fatalf("mealPlan id %v week %v meals %v", plan["id"], plan["weekStart"], plan["mealCount"])
	}
	x := recipe.Restrictions{Dietary: []string{"Vegan"}, Allergies: []string{"Tree Nuts"}}
	for key, s := range slotsOf(t, plan) {
		id, _ := strconv.ParseInt(s["recipeId"].(string), 10, 64)
		r, err := a.app.Store.Recipes().Get(t.Context(), id)
		if err != nil || s["servings"] != 3.0 || s["recipeName"] != r.Name || s["category"] != r.Category {
			t.Fatalf("%s: slot %v (%v)", key, s, err)
		}
		if v := x.Violation(r); v != "" || r.PrepTime > 30 {
			t.Errorf("%s: %q is %s, prep %d min", key, r.Name, v, r.PrepTime)
		}
	}
	report := body["report"].(map[string]any)
	if n := len(report["dailyTotals"].([]any)); n != 7 {
		t.Errorf("%d daily totals, want 7", n)
	}
	if n := len(report["explanations"].([]any)); n != 14 {
		t.Errorf("%d explanations, want 14", n)
	}
	first := report["explanations"].([]any)[0].(map[string]any)
	if first["date"] != "2026-11-22" || first["mealType"] != "lunch" || first["why"] == "" {
		t.Errorf("first explanation %v", first)
	}
	if notes := report["notes"].([]any); len(notes) != 1 || notes[0] != "budget is not applied: the catalogue has no prices" {
		t.Errorf("notes %v", notes)
	}
	if gaps, ok := report["gaps"].([]any); !ok || len(gaps) != 0 {
		t.Errorf("gaps %v, want []", report["gaps"])
	}
	week := a.get("/api/v1/meal-plans?weekStart=2026-11-28", owner.Token, 200).JSON(t)
	if week["id"] != plan["id"] || len(slotsOf(t, week)) != 14 {
		t.Errorf("GET the week: id %v with %d slots, want the generated plan", week["id"], len(slotsOf(t, week)))
	}
}

func TestGeneratePlanKeepsExistingSlotsAndIsStable(t *testing.T) {
	a := newAPI(t)
	a.seedAll()
	owner := a.register("keep@example.com")
	res := a.do("POST", "/api/v1/meal-plans/meals", owner.Token, map[string]any{"date": "2026-11-23",
		"mealType": "dinner", "recipeId": "1172", "note": "mine"})
	wantStatus(t, res, 200)
	planID := res.JSON(t)["id"]
	first := a.generatePlan(owner.Token, map[string]any{"weekStart": "2026-11-22"})
	plan := first["mealPlan"].(map[string]any)
	kept := slotsOf(t, plan)["2026-11-23/dinner"]
	if plan["id"] != planID || kept["recipeId"] != "1172" || kept["note"] != "mine" || plan["mealCount"] != 28.0 {
		t.Fatalf("plan %v (want %v), kept slot %v, %v meals", plan["id"], planID, kept, plan["mealCount"])
	}
	again := a.generatePlan(owner.Token, map[string]any{"weekStart": "2026-11-22", "keepExisting": false})
	slots := slotsOf(t, again["mealPlan"].(map[string]any))
	if s := slots["2026-11-23/dinner"]; s["note"] != nil {
		t.Errorf("keepExisting false kept the slot %v", s)
	}
	if n := len(again["report"].(map[string]any)["explanations"].([]any)); n != 28 {
		t.Errorf("%d picks, want all 28 slots picked anew", n)
	}
	third := a.generatePlan(owner.Token, map[string]any{"weekStart": "2026-11-22", "keepExisting": false})
	for key, s := range slotsOf(t, third["mealPlan"].(map[string]any)) {
		if s["recipeId"] != slots[key]["recipeId"] {
			t.Errorf("%s: %v then %v: the same request gave another plan", key, slots[key]["recipeId"], s["recipeId"])
		}
	}
}

func TestGeneratePlanRefusals(t *testing.T) {
	a := newAPI(t)
	a.seed(fixtures()[0]) // only a chicken casserole
	owner := a.register("gen-bad@example.com")
	vegan := a.register("gen-vegan@example.com")
	wantStatus(t, a.do("PATCH", "/api/v1/users/me/preferences", vegan.Token, map[string]any{"dietary": []string{"Vegan"}}), 200)
	tests := []struct {
		name   string
		token  string
		body   any
		status int
		text   string
	}{
		{"no week", owner.Token, map[string]any{}, 400, "weekStart is required"},
		{"bad week", owner.Token, map[string]any{"weekStart": "2026-13-01"}, 400, "invalid date: must be YYYY-MM-DD"},
		{"meal type", owner.Token, map[string]any{"weekStart": "2026-11-22", "mealTypes": []string{"brunch"}}, 400,
			"invalid meal type: must be one of breakfast, lunch, dinner, snacks"},
		{"servings", owner.Token, map[string]any{"weekStart": "2026-11-22", "servings": 21}, 400,
			"servings must be between 1 and 20"},
		{"calories", owner.Token, map[string]any{"weekStart": "2026-11-22", "targets": map[string]any{"calories": 7000}}, 400,
			"calories must be between 800 and 6000"},
		{"protein", owner.Token, map[string]any{"weekStart": "2026-11-22", "targets": map[string]any{"protein": -5}}, 400,
			"protein must be between 0 and 1000 g"},
		{"prep number", owner.Token, map[string]any{"weekStart": "2026-11-22", "maxPrepTime": 0}, 400,
			"must be between 1 and 600 minutes"},
		{"prep object", owner.Token, map[string]any{"weekStart": "2026-11-22", "maxPrepTime": map[string]any{"dinner": 900}}, 400,
			"must be between 1 and 600 minutes"},
		{"prep shape", owner.Token, map[string]any{"weekStart": "2026-11-22", "maxPrepTime": "soon"}, 400,
			"maxPrepTime must be a whole number of minutes or an object by meal type"},
		{"budget", owner.Token, map[string]any{"weekStart": "2026-11-22", "budget": -1}, 400, "budget must not be negative"},
		{"nothing fits", vegan.Token, map[string]any{"weekStart": "2026-11-22"}, 400,
			"no recipe in the catalogue fits the restrictions and preparation time limits"},
		{"anonymous", "", map[string]any{"weekStart": "2026-11-22"}, 401, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.do("POST", "/api/v1/ai/generate-plan", tt.token, tt.body)
			wantStatus(t, res, tt.status)
			if tt.text != "" && res.ErrorText(t) != tt.text {
				t.Errorf("error %q, want %q", res.ErrorText(t), tt.text)
			}
		})
	}
	week := a.get("/api/v1/meal-plans?weekStart=2026-11-22", vegan.Token, 200).JSON(t)
	if week["id"] != nil {
		t.Errorf("a refused generation stored plan %v", week["id"])
	}
}
