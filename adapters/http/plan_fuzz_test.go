package http_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	backend "github.com/mealplanner/backend"
)

// planFuzzTargets are the plan routes that decode a JSON body; {plan} is a
// stored plan of the caller's.
var planFuzzTargets = []struct{ method, path string }{
	{"POST", "/api/v1/meal-plans"},
	{"POST", "/api/v1/meal-plans/meals"},
	{"PUT", "/api/v1/meal-plans/{plan}"},
	{"PATCH", "/api/v1/meal-plans/{plan}"},
	{"POST", "/api/v1/meal-plans/{plan}/meals"},
	{"POST", "/api/v1/meal-plans/{plan}/copy-day"},
	{"POST", "/api/v1/meal-plans/{plan}/clear"},
	{"POST", "/api/v1/meal-plans/{plan}/copy-week"},
}

// FuzzPlanBodies sends arbitrary bodies to the plan routes: whatever
// arrives, the answer is never a 5xx.
func FuzzPlanBodies(f *testing.F) {
	seeds := []string{
		`{}`, `null`, `[]`, `{"days":{"2026-11-22":{"dinner":{"recipeId":"52772","servings":1e309}}}}`,
		`{"days":{"x":{"y":null}},"notes":7}`, `{"days":{"2026-11-22":{"lunch":{"recipeId":-1}}}}`,
		`{"date":"2026-11-23","mealType":"lunch","recipeId":"52772","servings":2}`, `{"recipeId":{"a":1}}`,
		`{"sourceDate":"2026-11-22","targetDates":["0000-00-00","2100-12-31","1999-12-31"],"replaceExisting":true}`,
		`{"dates":[null],"mealTypes":[1]}`, `{"targetWeekStart":"2100-12-31"}`, `{"weekStart":"2000-01-01"}`, "\xff", `{"a":`,
	}
	for i, s := range seeds {
		f.Add(uint8(i), s)
	}
	ta, cleanup, err := backend.InitializeTest(backend.TestOptions{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(cleanup)
	token := fuzzToken(f, ta)
	planID := fuzzPlan(f, ta, token)
	f.Fuzz(func(t *testing.T, route uint8, body string) {
		target := planFuzzTargets[int(route)%len(planFuzzTargets)]
		req := httptest.NewRequest(target.method, strings.ReplaceAll(target.path, "{plan}", planID), strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		ta.Server.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s with %q: %d %s", target.method, target.path, body, rec.Code, rec.Body)
		}
	})
}

// fuzzPlan creates the plan the fuzzed requests edit. The fuzzer may empty
// it; it cannot delete it, as no target deletes.
func fuzzPlan(f *testing.F, ta *backend.TestApp, token string) string {
	req := httptest.NewRequest("POST", "/api/v1/meal-plans", strings.NewReader(`{"weekStart":"2026-11-22"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	rec := httptest.NewRecorder()
	ta.Server.ServeHTTP(rec, req)
	var plan struct{ ID string }
	if rec.Code != http.StatusCreated || json.Unmarshal(rec.Body.Bytes(), &plan) != nil {
		f.Fatalf("create plan: %d %s", rec.Code, rec.Body)
	}
	return plan.ID
}
