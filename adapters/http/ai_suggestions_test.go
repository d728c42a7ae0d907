package http_test

import (
	"context"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"

	backend "github.com/mealplanner/backend"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

const suggestionsPath = "/api/v1/ai/suggestions"

// stubRecommender is a remote recommender with a fixed answer.
type stubRecommender struct {
	recs []ports.Recommendation
	err  error
}

func (s stubRecommender) Recommend(context.Context, ports.RecommendationRequest) ([]ports.Recommendation, error) {
	return s.recs, s.err
}

// suggestionItems decodes an answer and checks what every item must hold.
func suggestionItems(t *testing.T, res response) []map[string]any {
	t.Helper()
	raw := res.List(t)
	out := make([]map[string]any, len(raw))
	for i, x := range raw {
		out[i] = x.(map[string]any)
		score, _ := out[i]["score"].(float64)
		if score < 0 || score > 100 || out[i]["reason"] == "" {
			t.Errorf("item %d: score %v reason %v", i, out[i]["score"], out[i]["reason"])
		}
	}
	return out
}

func recipeIDs(items []map[string]any) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i], _ = it["recipe"].(map[string]any)["id"].(string)
	}
	return out
}

// summariesByID is what the recipe list writes for each recipe.
func (a *api) summariesByID(token string) map[string]map[string]any {
	a.t.Helper()
	out := map[string]map[string]any{}
	for _, r := range recipesOf(a.t, a.get("/api/v1/recipes?limit=100", token, 200)) {
		out[r["id"].(string)] = r
	}
	return out
}

func TestSuggestionsAnswerRecipeSummariesWithTheirFactors(t *testing.T) {
	a := newAPI(t)
	a.seed()
	owner := a.register("suggest@example.com")
	summaries := a.summariesByID(owner.Token)
	for _, path := range []string{suggestionsPath, "/api/ai/suggestions"} {
		res := a.do("POST", path, owner.Token, nil)
		wantStatus(t, res, 200)
		if got := res.Header.Get("X-Recommendation-Source"); got != "rules" {
			t.Errorf("%s: source header %q, want rules", path, got)
		}
		items := suggestionItems(t, res)
		if len(items) != fixtureCount { // the default 8 is more than the catalogue holds
			t.Fatalf("%s: %d suggestions, want %d", path, len(items), fixtureCount)
		}
		for i, it := range items {
			rec := it["recipe"].(map[string]any)
			if want := summaries[rec["id"].(string)]; !reflect.DeepEqual(rec, want) {
				t.Errorf("recipe %v = %v, want the list's summary %v", rec["id"], rec, want)
			}
			sum := 0.0
			for _, f := range it["factors"].([]any) {
				fm := f.(map[string]any)
				sum += fm["points"].(float64)
				if fm["name"] == "" || fm["description"] == "" {
					t.Errorf("factor without name or description: %v", fm)
				}
			}
			if sum != it["score"].(float64) {
				t.Errorf("item %d: factors add up to %v, score %v", i, sum, it["score"])
			}
			if i > 0 && it["score"].(float64) > items[i-1]["score"].(float64) {
				t.Errorf("not best first at %d", i)
			}
		}
	}
}

func TestSuggestionsHonourPreferencesAndExcludes(t *testing.T) {
	a := newAPI(t)
	a.seed()
	owner := a.register("vegan@example.com")
	if _, err := a.app.Store.Users().Update(t.Context(), owner.ID, func(u *user.User) error {
		u.Preferences.Dietary = []string{"Vegan"}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var vegan []string
	for id, r := range a.summariesByID(owner.Token) {
		if slices.Contains(r["dietaryTags"].([]any), any("Vegan")) {
			vegan = append(vegan, id)
		}
	}
	if len(vegan) == 0 || len(vegan) == fixtureCount {
		t.Fatalf("the fixtures hold %d vegan recipes: the test needs some of each", len(vegan))
	}
	res := a.do("POST", suggestionsPath, owner.Token, map[string]any{"count": 20})
	wantStatus(t, res, 200)
	ids := recipeIDs(suggestionItems(t, res))
	slices.Sort(ids)
	if slices.Sort(vegan); !slices.Equal(ids, vegan) {
		t.Errorf("vegan user got %v, want exactly the vegan recipes %v", ids, vegan)
	}
	other := a.register("excludes@example.com")
	res = a.do("POST", suggestionsPath, other.Token, `{"excludeRecipeIds": ["52772", 52800], "mealType": "dinner"}`)
	wantStatus(t, res, 200)
	ids = recipeIDs(suggestionItems(t, res))
	if slices.Contains(ids, "52772") || slices.Contains(ids, "52800") || len(ids) != fixtureCount-2 {
		t.Errorf("with two of %d recipes excluded: %v", fixtureCount, ids)
	}
}

func TestSuggestionsFromTheRemoteRecommender(t *testing.T) {
	remote := stubRecommender{recs: []ports.Recommendation{{RecipeID: idChickpea, Score: 0.9}, {RecipeID: 999, Score: 0.8}}}
	a := newAPI(t, func(o *backend.TestOptions) { o.Recommender = remote })
	a.seed()
	owner := a.register("remote@example.com")
	res := a.do("POST", suggestionsPath, owner.Token, map[string]any{"count": 3})
	wantStatus(t, res, 200)
	if got := res.Header.Get("X-Recommendation-Source"); got != "personalize" {
		t.Errorf("source header %q, want personalize", got)
	}
	items := suggestionItems(t, res)
	ids := recipeIDs(items)
	if len(ids) != 3 || ids[0] != "53010" || items[0]["score"] != 90.0 {
		t.Fatalf("ids %v, first score %v: want the chickpea salad at 90, then two local ones", ids, items[0]["score"])
	}
	factors := items[0]["factors"].([]any)
	if len(factors) != 1 || factors[0].(map[string]any)["name"] != "personalize" || factors[0].(map[string]any)["points"] != 90.0 {
		t.Errorf("remote factors = %v", factors)
	}
	if ids[1] == ids[0] || ids[2] == ids[0] || ids[1] == ids[2] {
		t.Errorf("repeated recipe in %v", ids)
	}
}

func TestSuggestionsRefusals(t *testing.T) {
	a := newAPI(t)
	a.seed()
	owner, other := a.register("owner@example.com"), a.register("other@example.com")
	plan := a.storePlan(other, balanceWeek, map[planning.Date]map[planning.MealType]int64{
		balanceWeek: {planning.Dinner: idTeriyaki}})
	tooMany := make([]int, 101)
	for i := range tooMany {
		tooMany[i] = i + 1
	}
	tests := []struct {
		name   string
		token  string
		body   any
		status int
		text   string
	}{
		{"count 0", owner.Token, map[string]any{"count": 0}, 400, "count must be between 1 and 20"},
		{"count 21", owner.Token, map[string]any{"count": 21}, 400, "count must be between 1 and 20"},
		{"count as text", owner.Token, map[string]any{"count": "8"}, 400, "count must be an integer"},
		{"meal type", owner.Token, map[string]any{"mealType": "brunch"}, 400,
			"invalid meal type: must be one of breakfast, lunch, dinner, snacks"},
		{"date", owner.Token, map[string]any{"date": "2026-02-30"}, 400, "invalid date: must be YYYY-MM-DD"},
		{"week", owner.Token, map[string]any{"weekStart": "22/11/2026"}, 400, "invalid date: must be YYYY-MM-DD"},
		{"bad exclude id", owner.Token, map[string]any{"excludeRecipeIds": []string{"abc"}}, 400,
			"excludeRecipeIds must hold recipe ids (positive integers)"},
		{"too many excludes", owner.Token, map[string]any{"excludeRecipeIds": tooMany}, 400,
			"excludeRecipeIds may hold at most 100 recipe ids"},
		{"malformed JSON", owner.Token, `{"count":`, 400, "invalid JSON body"},
		{"another user's plan", owner.Token, map[string]any{"mealPlanId": plan.ID}, 404, "meal plan not found"},
		{"unknown plan", owner.Token, map[string]any{"mealPlanId": "nope"}, 404, "meal plan not found"},
		{"anonymous", "", map[string]any{}, 401, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, a.do("POST", suggestionsPath, tt.token, tt.body), tt.status, tt.text)
		})
	}
	res := a.do("POST", suggestionsPath, other.Token, map[string]any{"mealPlanId": plan.ID})
	wantStatus(t, res, http.StatusOK)
	for _, id := range recipeIDs(suggestionItems(t, res)) {
		if id == "52772" {
			t.Error("the plan's own recipe was suggested for it")
		}
	}
}

func TestSuggestionsFallBackWhenTheRemoteFails(t *testing.T) {
	remote := stubRecommender{err: domain.Errorf(domain.CodeUnavailable, "recommendation service unavailable")}
	a := newAPI(t, func(o *backend.TestOptions) { o.Recommender = remote })
	a.seed()
	owner := a.register("fallback@example.com")
	res := a.do("POST", suggestionsPath, owner.Token, map[string]any{"count": 3})
	wantStatus(t, res, 200)
	if got := res.Header.Get("X-Recommendation-Source"); got != "rules" || len(suggestionItems(t, res)) != 3 {
		t.Errorf("source %q with %d items, want rules with 3", got, len(suggestionItems(t, res)))
	}
	metrics := string(a.do("GET", "/metrics", "", nil).Body)
	for _, line := range []string{"suggestions_fallbacks_total 1", "suggestions_rules_total 1", "suggestions_personalize_total 0"} {
		if !strings.Contains(metrics, line) {
			t.Errorf("/metrics lacks %q", line)
		}
	}
}
