package http_test

import (
	"net/http"
	"slices"
	"testing"
)

func TestRecipeNutritionAccountsForEveryLine(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	u := a.register("cook@example.com")
	m := a.get("/api/recipes/52772/nutrition", u.Token, http.StatusOK).JSON(t)
	if m["recipeId"] != "52772" || m["source"] == "" || num(m["servings"]) != 4 {
		t.Errorf("header fields = %v", m)
	}
	lines := m["ingredients"].([]any)
	cov := m["coverage"].(map[string]any)
	if num(cov["total"]) != 6 || num(cov["counted"]) != 4 || len(lines) != 6 {
		t.Errorf("coverage %v over %d lines, want 4 of 6", cov, len(lines))
	}
	if inc := m["incomplete"].([]any); !slices.Contains(inc, any("calories")) {
		t.Errorf("incomplete %v: an unmatched ingredient makes every key a lower bound", inc)
	}
	water := lines[1].(map[string]any)
	if water["status"] != "counted" || water["calories"] == nil || num(water["calories"]) != 0 {
		t.Errorf("water line %v: a counted 0 kcal keeps its calories key", water)
	}
	if food, _ := water["food"].(map[string]any); food["id"] != "water" || food["description"] != "Water" || num(water["grams"]) <= 0 {
		t.Errorf("water line %v lacks grams or food", water)
	}
	for i, reason := range map[int]string{4: "unmeasurable", 5: "noMatch"} {
		line := lines[i].(map[string]any)
		keys := make([]string, 0, len(line))
		for k := range line {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if line["reason"] != reason || !slices.Equal(keys, []string{"measure", "name", "reason", "status"}) {
			t.Errorf("not counted line %v, want only name, measure, status and reason %s", line, reason)
		}
	}
	per, totals := m["perServing"].(map[string]any), m["totals"].(map[string]any)
	if num(totals["calories"]) <= num(per["calories"]) || num(per["calories"]) != float64(int(num(per["calories"]))) {
		t.Errorf("perServing %v, totals %v", per, totals)
	}
}

func TestRecipeNutritionOfACompleteRecipeIsComplete(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	u := a.register("cook@example.com")
	m := a.get("/api/v1/recipes/53010/nutrition", u.Token, http.StatusOK).JSON(t)
	if inc, ok := m["incomplete"].([]any); !ok || len(inc) != 0 {
		t.Errorf("incomplete = %#v, want []", m["incomplete"])
	}
	cov := m["coverage"].(map[string]any)
	if cov["counted"] != cov["total"] {
		t.Errorf("coverage %v", cov)
	}
}
