package http_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"
)

// The fixture clock stands on Sunday 2026-11-22, the first day of its week.
const (
	thisWeek = "2026-11-22"
	nextWeek = "2026-11-29"
)

// newPlanAPI is a server with the fixture recipes and a signed-in user.
func newPlanAPI(t *testing.T) (*api, session) {
	t.Helper()
	a := newAPI(t)
	a.seed()
	return a, a.register("cook@example.com")
}

// planBody decodes a MealPlan answer that must have the given status.
func planBody(t *testing.T, res response, status int) map[string]any {
	t.Helper()
	wantStatus(t, res, status)
	return res.JSON(t)
}

// slotOf returns the slot at date and meal of a MealPlan, nil when empty.
func slotOf(plan map[string]any, date, meal string) map[string]any {
	day, _ := plan["days"].(map[string]any)[date].(map[string]any)
	slot, _ := day[meal].(map[string]any)
	return slot
}

// planMeal plans a recipe by date and returns the week's plan.
func (a *api) planMeal(token, date, meal string, recipeID int) map[string]any {
	a.t.Helper()
	res := a.do("POST", "/api/v1/meal-plans/meals", token, map[string]any{"date": date, "mealType": meal, "recipeId": fmt.Sprint(recipeID)})
	return planBody(a.t, res, http.StatusOK)
}

// activityLines are activities as "action details relatedId".
func activityLines(acts []any) []string {
	out := make([]string, len(acts))
	for i, a := range acts {
		m, _ := a.(map[string]any)
		out[i] = fmt.Sprint(m["action"], " ", m["details"], " ", m["relatedId"])
	}
	return out
}

// drainPlanner waits for the activity records of plan changes.
func (a *api) drainPlanner() {
	a.t.Helper()
	if err := a.app.Planner.Drain(context.Background()); err != nil {
		a.t.Fatal(err)
	}
}

func TestPlanOfAnEmptyWeekIsUnsavedAndWritesNothing(t *testing.T) {
	t.Parallel()
	a, s := newPlanAPI(t)
	plan := planBody(t, a.do("GET", "/api/v1/meal-plans?weekStart=2026-11-26", s.Token, nil), http.StatusOK)
	for field, want := range map[string]any{"id": nil, "createdAt": nil, "updatedAt": nil, "weekStart": thisWeek,
		"weekStartDate": thisWeek, "userId": s.ID, "notes": "", "mealCount": 0.0} {
		if plan[field] != want {
			t.Errorf("%s = %v, want %v", field, plan[field], want)
		}
	}
	if days, ok := plan["days"].(map[string]any); !ok || len(days) != 0 {
		t.Errorf("days = %v, want {}", plan["days"])
	}
	list := a.do("GET", "/api/v1/meal-plans", s.Token, nil)
	if wantStatus(t, list, http.StatusOK); num(list.JSON(t)["total"]) != 0 || list.Header.Get("X-Total-Count") != "0" {
		t.Errorf("looking at a week stored a plan: %s", list.Body)
	}
	for _, bad := range []string{"", "2026-11-31", "26-11-2026"} {
		res := a.do("GET", "/api/v1/meal-plans?weekStart="+bad, s.Token, nil)
		wantDetail(t, res, "weekStart")
	}
}

func TestCreatePlanOncePerWeek(t *testing.T) {
	t.Parallel()
	a, s := newPlanAPI(t)
	body := map[string]any{"weekStart": "2026-11-25", "notes": "guests on Friday", "unknownField": true,
		"days": map[string]any{"2026-11-27": map[string]any{"dinner": map[string]any{"recipeId": idChocolate, "servings": 6,
			"recipeName": "ignored", "addedAt": "2020-01-01T00:00:00Z"}}}}
	plan := planBody(t, a.do("POST", "/api/v1/meal-plans", s.Token, body), http.StatusCreated)
	id, _ := plan["id"].(string)
	slot := slotOf(plan, "2026-11-27", "dinner")
	if id == "" || plan["weekStart"] != thisWeek || plan["notes"] != "guests on Friday" || plan["mealCount"] != 1.0 {
		t.Fatalf("created %v", plan)
	}
	if slot["recipeId"] != fmt.Sprint(idChocolate) || slot["recipeName"] != "Chocolate Cake" || slot["category"] != "Dessert" ||
		slot["servings"] != 6.0 || slot["addedAt"] != "2026-11-22T09:00:00Z" {
		t.Errorf("slot = %v", slot)
	}
	week := planBody(t, a.do("GET", "/api/meal-plans?weekStart=2026-11-28", s.Token, nil), http.StatusOK)
	if week["id"] != id {
		t.Errorf("the week's plan through /api is %v, want %s", week["id"], id)
	}
	again := a.do("POST", "/api/v1/meal-plans", s.Token, map[string]any{"weekStart": "2026-11-22"})
	wantError(t, again, http.StatusConflict, "meal plan already exists for this week")
	got := planBody(t, a.do("GET", "/api/v1/meal-plans/"+id, s.Token, nil), http.StatusOK)
	if got["id"] != id || slotOf(got, "2026-11-27", "dinner") == nil {
		t.Errorf("GET by id = %v", got)
	}
}

func TestAddMealByDateAndByPlan(t *testing.T) {
	t.Parallel()
	a, s := newPlanAPI(t)
	wantStatus(t, a.do("PATCH", "/api/v1/users/me/preferences", s.Token, map[string]any{"householdSize": 5}), http.StatusOK)
	a.app.Clock.Advance(time.Minute)
	plan := a.planMeal(s.Token, "2026-12-01", "dinner", idTeriyaki)
	id, _ := plan["id"].(string)
	slot := slotOf(plan, "2026-12-01", "dinner")
	if plan["weekStart"] != nextWeek || slot["servings"] != 5.0 || slot["recipeName"] != "Teriyaki Chicken Casserole" {
		t.Fatalf("plan = %v", plan)
	}
	// A JSON number is accepted for recipeId; ids always go out as strings.
	a.app.Clock.Advance(time.Minute)
	res := a.do("POST", "/api/v1/meal-plans/"+id+"/meals", s.Token,
		map[string]any{"date": "2026-12-01", "mealType": "Dinner", "recipeId": idMasala, "servings": 1, "note": "half portion"})
	over := planBody(t, res, http.StatusOK)
	slot = slotOf(over, "2026-12-01", "dinner")
	if slot["recipeId"] != fmt.Sprint(idMasala) || slot["servings"] != 1.0 || slot["note"] != "half portion" || over["mealCount"] != 1.0 {
		t.Errorf("overwritten slot = %v", slot)
	}
	a.drainPlanner()
	acts := a.get("/api/v1/users/me/activities", s.Token, http.StatusOK).List(t)
	want := []string{"add_meal Added Masala Dosa to dinner on 2026-12-01 52800",
		"add_meal Added Teriyaki Chicken Casserole to dinner on 2026-12-01 52772", "update_preferences Updated preferences <nil>"}
	if got := activityLines(acts); !slices.Equal(got, want) {
		t.Errorf("activities, newest first:\n got %q\nwant %q", got, want)
	}
}

func TestAddMealRefusals(t *testing.T) {
	t.Parallel()
	a, s := newPlanAPI(t)
	id := a.planMeal(s.Token, "2026-12-01", "dinner", idTeriyaki)["id"].(string)
	tests := []struct {
		name, path string
		body       map[string]any
		status     int
		text       string
	}{
		{"unknown recipe", "/meal-plans/meals", map[string]any{"date": "2026-12-01", "mealType": "lunch", "recipeId": "999999"}, 404, "recipe not found"},
		{"a bad recipe id", "/meal-plans/meals", map[string]any{"date": "2026-12-01", "mealType": "lunch", "recipeId": "0x1"}, 400, "recipeId must be a positive integer"},
		{"outside the plan's week", "/meal-plans/" + id + "/meals", map[string]any{"date": "2026-12-06", "mealType": "lunch", "recipeId": "52772"}, 400, "date is outside the plan's week"},
		{"unknown meal type", "/meal-plans/meals", map[string]any{"date": "2026-12-01", "mealType": "supper", "recipeId": "52772"}, 400, "invalid meal type: must be one of breakfast, lunch, dinner, snacks"},
		{"too many servings", "/meal-plans/meals", map[string]any{"date": "2026-12-01", "mealType": "lunch", "recipeId": "52772", "servings": 51}, 400, "servings must be between 1 and 50"},
		{"servings not a number", "/meal-plans/meals", map[string]any{"date": "2026-12-01", "mealType": "lunch", "recipeId": "52772", "servings": "2"}, 400, "servings must be an integer"},
		{"unknown plan", "/meal-plans/nope/meals", map[string]any{"date": "2026-12-01", "mealType": "lunch", "recipeId": "52772"}, 404, "meal plan not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, a.do("POST", "/api/v1"+tt.path, s.Token, tt.body), tt.status, tt.text)
		})
	}
	plan := planBody(t, a.do("GET", "/api/v1/meal-plans/"+id, s.Token, nil), http.StatusOK)
	if plan["mealCount"] != 1.0 {
		t.Errorf("refused adds changed the plan: %v", plan)
	}
	a.drainPlanner()
	if acts := a.get("/api/v1/users/me/activities", s.Token, http.StatusOK).List(t); len(acts) != 1 {
		t.Errorf("refused adds were recorded: %v", activityLines(acts))
	}
}

func TestRemoveMealIsIdempotent(t *testing.T) {
	t.Parallel()
	a, s := newPlanAPI(t)
	a.planMeal(s.Token, "2026-11-23", "lunch", idChickpea)
	id := a.planMeal(s.Token, "2026-11-23", "dinner", idTeriyaki)["id"].(string)
	a.app.Clock.Advance(time.Minute)
	path := "/api/v1/meal-plans/" + id + "/meals?date=2026-11-23&mealType=dinner"
	for range 2 {
		plan := planBody(t, a.do("DELETE", path, s.Token, nil), http.StatusOK)
		if slotOf(plan, "2026-11-23", "dinner") != nil || slotOf(plan, "2026-11-23", "lunch") == nil || plan["mealCount"] != 1.0 {
			t.Errorf("after remove: %v", plan)
		}
	}
	wantDetail(t, a.do("DELETE", "/api/v1/meal-plans/"+id+"/meals?date=2026-11-23", s.Token, nil), "mealType")
	wantDetail(t, a.do("DELETE", "/api/v1/meal-plans/"+id+"/meals?date=2026-11-30&mealType=lunch", s.Token, nil), "date")
	a.drainPlanner()
	acts := a.get("/api/v1/users/me/activities", s.Token, http.StatusOK).List(t)
	if got := activityLines(acts); len(got) != 3 || got[0] != "remove_meal Removed Teriyaki Chicken Casserole from dinner on 2026-11-23 52772" {
		t.Errorf("activities = %q, want one remove_meal after two adds", got)
	}
}

func TestDeletePlan(t *testing.T) {
	t.Parallel()
	a, s := newPlanAPI(t)
	id := a.planMeal(s.Token, "2026-11-23", "lunch", idChickpea)["id"].(string)
	res := a.do("DELETE", "/api/meal-plans/"+id, s.Token, nil)
	wantStatus(t, res, http.StatusNoContent)
	if len(res.Body) != 0 {
		t.Errorf("204 with a body: %s", res.Body)
	}
	wantError(t, a.do("GET", "/api/v1/meal-plans/"+id, s.Token, nil), http.StatusNotFound, "meal plan not found")
	wantError(t, a.do("DELETE", "/api/v1/meal-plans/"+id, s.Token, nil), http.StatusNotFound, "meal plan not found")
	if plan := planBody(t, a.do("GET", "/api/v1/meal-plans?weekStart="+thisWeek, s.Token, nil), http.StatusOK); plan["id"] != nil {
		t.Errorf("the week still has plan %v", plan["id"])
	}
}
