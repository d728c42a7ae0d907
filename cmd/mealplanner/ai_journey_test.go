package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// vegetarianCook registers a cook who eats vegetarian.
func vegetarianCook(t *testing.T, in *instance) string {
	t.Helper()
	email := "veg-" + time.Now().Format("150405.000000") + "@example.com"
	code, m := in.call(t, "POST", "/api/v1/auth/register", "", map[string]string{"email": email, "password": pw, "name": "Veg"})
	if code != 201 {
		t.Fatalf("register: %d %v", code, m)
	}
	token := m["token"].(string)
	if code, m := in.call(t, "PATCH", "/api/v1/users/me/preferences", token, map[string]any{"dietary": []string{"Vegetarian"}}); code != 200 {
		t.Fatalf("preferences: %d %v", code, m)
	}
	return token
}

// isVegetarian reads a recipe's dietary tags through the API.
func isVegetarian(t *testing.T, in *instance, token, id string) bool {
	t.Helper()
	code, raw := in.send(t, "GET", "/api/v1/recipes/"+id, token, nil)
	var r struct{ DietaryTags []string }
	if err := json.Unmarshal(raw, &r); err != nil || code != 200 {
		t.Fatalf("recipe %s: %d %v", id, code, err)
	}
	return slices.Contains(r.DietaryTags, "Vegetarian")
}

// aiJourney is issue 5's "done" on whatever assembly in runs: a vegetarian
// cook has the week planned to targets, reads its balance, asks for more
// ideas and for a substitute, and nothing breaks their diet.
func aiJourney(t *testing.T, in *instance, wantSource string) (token string) {
	token = vegetarianCook(t, in)
	code, raw := in.send(t, "POST", "/api/v1/ai/generate-plan", token, map[string]any{"weekStart": "2026-11-25",
		"mealTypes": []string{"breakfast", "lunch", "dinner"}})
	var gen struct {
		MealPlan struct {
			ID        string
			WeekStart string
			MealCount int
			Days      map[string]map[string]struct{ RecipeID string }
		}
		Report struct{ Explanations []struct{ Why string } }
	}
	if err := json.Unmarshal(raw, &gen); err != nil || code != 200 {
		t.Fatalf("generate-plan: %d %v %s", code, err, raw)
	}
	if gen.MealPlan.ID == "" || gen.MealPlan.WeekStart != weekOf || gen.MealPlan.MealCount != 21 || len(gen.Report.Explanations) != 21 {
		t.Fatalf("generated plan %s of %s with %d meals and %d explanations; want 21 of each in %s",
			gen.MealPlan.ID, gen.MealPlan.WeekStart, gen.MealPlan.MealCount, len(gen.Report.Explanations), weekOf)
	}
	planned := map[string]bool{}
	for date, meals := range gen.MealPlan.Days {
		for meal, slot := range meals {
			planned[slot.RecipeID] = true
			if !isVegetarian(t, in, token, slot.RecipeID) {
				t.Errorf("%s %s: recipe %s is not vegetarian", date, meal, slot.RecipeID)
			}
		}
	}
	if code, m := in.call(t, "GET", "/api/v1/meal-plans?weekStart="+weekOf, token, nil); code != 200 || m["id"] != gen.MealPlan.ID {
		t.Errorf("the week's plan: %d %v, want the generated %s", code, m["id"], gen.MealPlan.ID)
	}
	code, m := in.call(t, "POST", "/api/v1/ai/nutrition-balance", token, map[string]string{"weekStart": weekOf})
	if score, _ := m["balanceScore"].(float64); code != 200 || score <= 0 || score > 100 || len(m["dailyBreakdown"].([]any)) != 7 {
		t.Errorf("balance: %d score %v", code, m["balanceScore"])
	}
	suggestions(t, in, token, planned, wantSource)
	code, raw = in.send(t, "POST", "/api/v1/ai/substitutions", token, map[string]string{"ingredientName": "butter"})
	var subs []struct{ Substitute string }
	if err := json.Unmarshal(raw, &subs); err != nil || code != 200 || len(subs) == 0 {
		t.Errorf("substitutions for butter: %d %v %s", code, err, raw)
	}
	if code, raw := in.send(t, "POST", "/api/v1/ai/substitutions", token, map[string]string{"ingredientName": "unobtainium"}); code != 200 || strings.TrimSpace(string(raw)) != "[]" {
		t.Errorf("substitutions for an unknown ingredient: %d %s, want []", code, raw)
	}
	return token
}

// suggestions asks for five dinner ideas for the planned week: none already
// planned, all vegetarian, from the recommender the assembly should use.
func suggestions(t *testing.T, in *instance, token string, planned map[string]bool, wantSource string) {
	t.Helper()
	req, _ := http.NewRequest("POST", in.base+"/api/v1/ai/suggestions",
		strings.NewReader(`{"weekStart":"`+weekOf+`","mealType":"dinner","count":5}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var items []struct {
		Recipe struct{ ID string }
		Score  int
	}
	if err := json.NewDecoder(res.Body).Decode(&items); err != nil || res.StatusCode != 200 || len(items) != 5 {
		t.Fatalf("suggestions: %d %v, %d items", res.StatusCode, err, len(items))
	}
	if got := res.Header.Get("X-Recommendation-Source"); got != wantSource {
		t.Errorf("X-Recommendation-Source %q, want %q", got, wantSource)
	}
	for _, it := range items {
		if planned[it.Recipe.ID] || !isVegetarian(t, in, token, it.Recipe.ID) {
			t.Errorf("suggested %s: already planned %v, or not vegetarian", it.Recipe.ID, planned[it.Recipe.ID])
		}
	}
}

func TestEmbeddedAIJourney(t *testing.T) {
	env := embeddedEnv(t)
	env["RATE_LIMIT_AI"] = "1000/1m"
	env["RATE_LIMIT_GENERAL"] = "10000/1m"
	env["SEED_DIR"] = "../../testdata/recipes"
	aiJourney(t, start(t, env), "rules")
}

// fakePersonalize answers GetRecommendations with fixed seed recipes and
// records the PutEvents calls; the adapter's own suite checks signatures
// and bodies in detail, this one checks the wiring.
type fakePersonalize struct {
	mu     sync.Mutex
	events []string
	items  string
}

func (f *fakePersonalize) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if !strings.HasPrefix(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256 ") {
		http.Error(w, `{"message":"unsigned"}`, http.StatusForbidden)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	switch r.URL.Path {
	case "/recommendations":
		_, _ = io.WriteString(w, `{"recommendationId":"rid","itemList":`+f.items+`}`)
	case "/events":
		f.mu.Lock()
		f.events = append(f.events, string(body))
		f.mu.Unlock()
		_, _ = io.WriteString(w, `{}`)
	default:
		http.NotFound(w, r)
	}
}

func (f *fakePersonalize) eventBodies() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.events)
}

// TestPostgresAIJourneyWithPersonalize runs the journey on PostgreSQL and
// Redis with Personalize configured: its picks come first (a beef stew it
// offers is dropped for the vegetarian), and the cook's actions reach its
// event tracker.
func TestPostgresAIJourneyWithPersonalize(t *testing.T) {
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIDJOURNEY")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "journey-secret")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	// 1153 Aloo Gobi and 1160 Baba Ghanoush are vegan; 1001 is a beef stew.
	fake := &fakePersonalize{items: `[{"itemId":"1001","score":0.95},{"itemId":"1153","score":0.9},{"itemId":"1160","score":0.8}]`}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	env := productionEnv(t)
	for k, v := range map[string]string{"PERSONALIZE_CAMPAIGN_ARN": "arn:aws:personalize:eu-west-1:1:campaign/journey",
		"PERSONALIZE_TRACKING_ID": "journey-tracker", "PERSONALIZE_REGION": "eu-west-1",
		"PERSONALIZE_ENDPOINT": srv.URL, "PERSONALIZE_EVENTS_ENDPOINT": srv.URL} {
		env[k] = v
	}
	in := start(t, env)
	token := aiJourney(t, in, "personalize")
	if code, m := in.call(t, "POST", "/api/v1/recipes/1153/favorite", token, nil); code != 200 && code != 201 {
		t.Fatalf("favourite: %d %v", code, m)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !slices.ContainsFunc(fake.eventBodies(), func(b string) bool { return strings.Contains(b, `"recipe_favorited"`) }) {
		if time.Now().After(deadline) {
			t.Fatalf("no recipe_favorited event reached Personalize; got %d bodies", len(fake.eventBodies()))
		}
		time.Sleep(50 * time.Millisecond)
	}
	res, err := http.Get(in.base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(res.Body)
	res.Body.Close()
	for _, line := range []string{"suggestions_personalize_total 1", "suggestions_fallbacks_total 0", "personalize_circuit_open 0"} {
		if !strings.Contains(string(metrics), line) {
			t.Errorf("/metrics lacks %q", line)
		}
	}
}
