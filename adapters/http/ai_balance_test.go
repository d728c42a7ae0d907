package http_test

import (
	"testing"
	"time"

	backend "github.com/mealplanner/backend"
	"github.com/mealplanner/backend/domain/planning"
)

// storePlan saves a plan for the owner's week through the store, so that
// the AI tests do not depend on the plan routes.
func (a *api) storePlan(owner session, week planning.Date, meals map[planning.Date]map[planning.MealType]int64) *planning.Plan {
	a.t.Helper()
	now := a.app.Clock.Now()
	p := planning.NewPlan("plan-"+owner.ID+"-"+week.String(), owner.ID, week, now)
	for d, byMeal := range meals {
		for m, id := range byMeal {
			slot, err := planning.NewSlot(id, "Recipe", "", "", 2, "", now)
			if err != nil {
				a.t.Fatal(err)
			}
			if err := p.Set(d, m, slot, now); err != nil {
				a.t.Fatal(err)
			}
		}
	}
	if err := a.app.Store.Plans().Save(a.t.Context(), p); err != nil {
		a.t.Fatalf("saving the plan: %v", err)
	}
	return p
}

var balanceWeek = planning.NewDate(2026, time.November, 22)

func TestNutritionBalanceOfAStoredWeek(t *testing.T) {
	a := newAPI(t)
	a.seed()
	owner := a.register("balance@example.com")
	mon, tue := balanceWeek.AddDays(1), balanceWeek.AddDays(2)
	plan := a.storePlan(owner, balanceWeek, map[planning.Date]map[planning.MealType]int64{
		mon: {planning.Breakfast: idMasala, planning.Dinner: idTeriyaki},
		tue: {planning.Lunch: idChickpea},
	})
	for _, path := range []string{"/api/v1/ai/nutrition-balance", "/api/ai/nutrition-analysis"} {
		res := a.do("POST", path, owner.Token, map[string]string{"weekStart": "2026-11-25"})
		wantStatus(t, res, 200)
		body := res.JSON(t)
		if body["mealPlanId"] != plan.ID || body["weekStart"] != "2026-11-22" {
			t.Errorf("%s: plan %v week %v", path, body["mealPlanId"], body["weekStart"])
		}
		days := body["dailyBreakdown"].([]any)
		if len(days) != 7 {
			t.Fatalf("%d days, want 7", len(days))
		}
		monday := days[1].(map[string]any)
		if monday["date"] != "2026-11-23" || monday["dayName"] != "Monday" || monday["mealCount"] != 2.0 {
			t.Errorf("Monday = %v", monday)
		}
		if cal := monday["nutrition"].(map[string]any)["calories"].(float64); cal <= 0 {
			t.Errorf("Monday has %v kcal", cal)
		}
		if body["plannedDays"] != 2.0 || len(body["insights"].([]any)) == 0 {
			t.Errorf("plannedDays %v insights %v", body["plannedDays"], body["insights"])
		}
	}
	byID := a.do("POST", "/api/v1/ai/nutrition-balance", owner.Token, map[string]string{"mealPlanId": plan.ID})
	wantStatus(t, byID, 200)
}

func TestNutritionBalanceOfAnEmptyWeekIsAnswered(t *testing.T) {
	a := newAPI(t)
	owner := a.register("empty@example.com")
	res := a.do("POST", "/api/v1/ai/nutrition-balance", owner.Token, map[string]string{"weekStart": "2026-12-01"})
	wantStatus(t, res, 200)
	body := res.JSON(t)
	if body["mealPlanId"] != nil || body["balanceScore"] != 0.0 || body["rating"] != "Poor" {
		t.Errorf("empty week: id %v score %v rating %v", body["mealPlanId"], body["balanceScore"], body["rating"])
	}
	if ins := body["insights"].([]any); len(ins) != 1 || ins[0] != "No meals are planned this week" {
		t.Errorf("insights = %v", ins)
	}
}

func TestNutritionBalanceRefusals(t *testing.T) {
	a := newAPI(t)
	a.seed()
	owner, other := a.register("owner@example.com"), a.register("other@example.com")
	plan := a.storePlan(owner, balanceWeek, map[planning.Date]map[planning.MealType]int64{
		balanceWeek: {planning.Dinner: idTeriyaki}})
	tests := []struct {
		name   string
		token  string
		body   any
		status int
		text   string
	}{
		{"another user's plan", other.Token, map[string]string{"mealPlanId": plan.ID}, 404, "meal plan not found"},
		{"unknown plan", owner.Token, map[string]string{"mealPlanId": "nope"}, 404, "meal plan not found"},
		{"neither plan nor week", owner.Token, map[string]string{}, 400, "mealPlanId or weekStart is required"},
		{"bad date", owner.Token, map[string]string{"weekStart": "2026-02-30"}, 400, "invalid date"},
		{"malformed JSON", owner.Token, `{"weekStart":`, 400, ""},
		{"anonymous", "", map[string]string{"weekStart": "2026-11-22"}, 401, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.do("POST", "/api/v1/ai/nutrition-balance", tt.token, tt.body)
			wantStatus(t, res, tt.status)
			if tt.text != "" && res.ErrorText(t) != tt.text {
				t.Errorf("error %q, want %q", res.ErrorText(t), tt.text)
			}
		})
	}
}

func TestAIRoutesHaveTheirOwnRateLimit(t *testing.T) {
	a := newAPI(t, func(o *backend.TestOptions) { o.AILimit = 2 })
	owner := a.register("limited@example.com")
	for i := 0; i < 2; i++ {
		wantStatus(t, a.do("POST", "/api/v1/ai/nutrition-balance", owner.Token, map[string]string{"weekStart": "2026-11-22"}), 200)
	}
	res := a.do("POST", "/api/v1/ai/nutrition-balance", owner.Token, map[string]string{"weekStart": "2026-11-22"})
	wantStatus(t, res, 429)
	if res.Header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	wantStatus(t, a.do("GET", "/api/v1/auth/me", owner.Token, nil), 200) // other routes are not affected
}
