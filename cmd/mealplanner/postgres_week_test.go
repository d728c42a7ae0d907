package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mealplanner/backend/adapters/sql/sqltest"
)

// productionEnv is an API instance's environment on a fresh PostgreSQL
// database and the shared Redis, with the seed catalogue loaded by the real
// seed command.
func productionEnv(tb testing.TB) map[string]string {
	tb.Helper()
	redisURL := os.Getenv("TEST_REDIS_URL")
	if redisURL == "" {
		tb.Skip("TEST_REDIS_URL not set")
	}
	vars := map[string]string{"DATABASE_URL": sqltest.NewDatabase(tb), "REDIS_URL": redisURL, "LOG_LEVEL": "warn",
		"JWT_SECRET": "week-secret-week-secret-week-secret-01", "DATA_DIR": tb.TempDir(),
		"REDIS_PREFIX":       "week:" + time.Now().Format("150405.000000000") + ":",
		"RATE_LIMIT_GENERAL": "100000/1m", "RATE_LIMIT_AI": "100000/1m"}
	var out, errs bytes.Buffer
	if code := run(tb.Context(), []string{"seed", "--dir", "../../testdata/recipes"}, envOf(vars),
		strings.NewReader(""), &out, &errs, nil); code != 0 {
		tb.Fatalf("seed exited with %d:\n%s", code, errs.String())
	}
	return vars
}

// weekOf is the Sunday-started week the journeys plan.
const weekOf = "2026-11-22"

// planWeek registers a cook and fills all 28 slots of weekOf through the
// API with 14 seed recipes, each planned twice at different servings.
func planWeek(tb testing.TB, in *instance) (token, planID string) {
	tb.Helper()
	email := "cook-" + time.Now().Format("150405.000000") + "@example.com"
	code, m := in.call(tb, "POST", "/api/v1/auth/register", "", map[string]string{"email": email, "password": pw, "name": "Cook"})
	if code != 201 {
		tb.Fatalf("register: %d %v", code, m)
	}
	token = m["token"].(string)
	code, raw := in.send(tb, "GET", "/api/v1/recipes?sort=name&limit=14", token, nil)
	var page struct{ Recipes []struct{ ID string } }
	if err := json.Unmarshal(raw, &page); err != nil || code != 200 || len(page.Recipes) != 14 {
		tb.Fatalf("recipes: %d %v %s", code, err, raw)
	}
	day, _ := time.Parse(time.DateOnly, weekOf)
	for i := range 28 {
		meal := map[string]any{"date": day.AddDate(0, 0, i/4).Format(time.DateOnly),
			"mealType": []string{"breakfast", "lunch", "dinner", "snacks"}[i%4],
			"recipeId": page.Recipes[i%14].ID, "servings": 2 + i%3}
		code, m := in.call(tb, "POST", "/api/v1/meal-plans/meals", token, meal)
		if code != 200 {
			tb.Fatalf("add meal %d: %d %v", i, code, m)
		}
		planID, _ = m["id"].(string)
	}
	return token, planID
}

type listJSON struct {
	ID         string
	TotalCount int
	Items      []struct {
		ID        string
		Name      string
		Quantity  string
		Unit      string
		Checked   bool
		RecipeIDs []any `json:"recipeIds"`
		Sources   []json.RawMessage
	}
}

func generateList(tb testing.TB, in *instance, token, planID string) listJSON {
	tb.Helper()
	code, raw := in.send(tb, "POST", "/api/v1/shopping-lists/generate", token, map[string]string{"mealPlanId": planID, "mode": "replace"})
	var list listJSON
	if err := json.Unmarshal(raw, &list); err != nil || code != 201 {
		tb.Fatalf("generate: %d %v %s", code, err, raw)
	}
	return list
}

// TestPostgresWeekJourney is issue 4's "done" on the production assembly: a
// cook plans a week, generates its list, checks an item off, changes the plan
// and regenerates without losing the checked item.
func TestPostgresWeekJourney(t *testing.T) {
	srv := start(t, productionEnv(t))
	token, planID := planWeek(t, srv)
	list := generateList(t, srv, token, planID)
	if list.TotalCount < 20 || list.TotalCount != len(list.Items) {
		t.Fatalf("a week of 14 recipes made %d items (totalCount %d)", len(list.Items), list.TotalCount)
	}
	for _, it := range list.Items {
		if it.Name == "" || len(it.RecipeIDs) == 0 || len(it.Sources) == 0 {
			t.Errorf("item %+v lacks a name, recipes or sources", it)
		}
	}
	checked := list.Items[0]
	path := "/api/v1/shopping-lists/" + list.ID + "/items/" + checked.ID
	if code, m := srv.call(t, "PATCH", path, token, map[string]bool{"checked": true}); code != 200 {
		t.Fatalf("check item: %d %v", code, m)
	}
	if code, m := srv.call(t, "DELETE", "/api/v1/meal-plans/"+planID+"/meals?date="+weekOf+"&mealType=breakfast", token, nil); code != 200 {
		t.Fatalf("remove a meal: %d %v", code, m)
	}
	again := generateList(t, srv, token, planID)
	if again.ID != list.ID {
		t.Errorf("regenerating made list %s, want the same list %s", again.ID, list.ID)
	}
	for _, it := range again.Items {
		if it.Name == checked.Name && !it.Checked {
			t.Errorf("%s lost its checked state on regeneration", it.Name)
		}
	}
}

// BenchmarkGenerateShoppingListPostgres is BenchmarkGenerateShoppingList of
// adapters/http on the production assembly: the real program on PostgreSQL
// and Redis, 28 slots of seed recipes, each request regenerating the list in
// replace mode.
func BenchmarkGenerateShoppingListPostgres(b *testing.B) {
	srv := start(b, productionEnv(b))
	token, planID := planWeek(b, srv)
	if list := generateList(b, srv, token, planID); list.TotalCount < 20 {
		b.Fatalf("the week made %d items; the benchmark would measure too little", list.TotalCount)
	}
	b.ReportAllocs()
	for b.Loop() {
		generateList(b, srv, token, planID)
	}
}
