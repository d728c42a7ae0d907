package http_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// planRoute is one plan route with a request that succeeds for the plan's
// owner. {plan} is the owner's plan id, {user} the owner's user id.
type planRoute struct {
	method, path string
	body         any
	ok           int
	// own routes act on the caller's own plans: every signed-in caller
	// succeeds, on their own data.
	own bool
	// adminReads: an admin may read the owner's plans through this route.
	adminReads bool
}

var planRoutes = []planRoute{
	{method: "GET", path: "/meal-plans?weekStart=2026-11-24", ok: 200, own: true},
	{method: "GET", path: "/meal-plans", ok: 200, own: true},
	{method: "POST", path: "/meal-plans", ok: 201, own: true, body: map[string]any{"weekStart": "2026-12-06"}},
	{method: "POST", path: "/meal-plans/meals", ok: 200, own: true, body: map[string]any{"date": "2026-12-08", "mealType": "lunch", "recipeId": "52772"}},
	{method: "GET", path: "/meal-plans/{plan}", ok: 200},
	{method: "PUT", path: "/meal-plans/{plan}", ok: 200, body: map[string]any{"notes": "mine"}},
	{method: "PATCH", path: "/meal-plans/{plan}", ok: 200, body: map[string]any{"notes": "mine"}},
	{method: "DELETE", path: "/meal-plans/{plan}", ok: 204},
	{method: "POST", path: "/meal-plans/{plan}/meals", ok: 200, body: map[string]any{"date": "2026-11-25", "mealType": "lunch", "recipeId": "52772"}},
	{method: "DELETE", path: "/meal-plans/{plan}/meals?date=2026-11-24&mealType=dinner", ok: 200},
	{method: "POST", path: "/meal-plans/{plan}/copy-day", ok: 200, body: map[string]any{"sourceDate": "2026-11-24", "targetDates": []string{"2026-11-25"}}},
	{method: "POST", path: "/meal-plans/{plan}/clear", ok: 200},
	{method: "POST", path: "/meal-plans/{plan}/copy-week", ok: 200, body: map[string]any{"targetWeekStart": "2026-12-13"}},
	{method: "GET", path: "/users/{user}/meal-plans", ok: 200, adminReads: true},
}

// TestPlanOwnershipMatrix calls every plan route as anonymous, the owner,
// another user and an admin. Another user's plan does not exist for the
// caller (404), and an admin reaches it only by listing the user's plans.
func TestPlanOwnershipMatrix(t *testing.T) {
	for _, rt := range planRoutes {
		for _, caller := range []string{"anonymous", "owner", "other", "admin"} {
			t.Run(fmt.Sprintf("%s %s as %s", rt.method, rt.path, caller), func(t *testing.T) {
				t.Parallel()
				a, owner := newPlanAPI(t)
				plan := a.planMeal(owner.Token, "2026-11-24", "dinner", idTeriyaki)
				callers := map[string]session{"owner": owner, "other": a.register("other@example.com"), "admin": a.admin("admin@example.com")}
				path := "/api/v1" + strings.NewReplacer("{plan}", plan["id"].(string), "{user}", owner.ID).Replace(rt.path)
				res := a.do(rt.method, path, callers[caller].Token, rt.body)
				want := rt.expect(caller)
				wantStatus(t, res, want)
				if want == http.StatusNotFound {
					if text := res.ErrorText(t); text != "meal plan not found" && text != "user not found" {
						t.Errorf("404 says %q", text)
					}
				}
				if caller != "owner" {
					after := planBody(t, a.do("GET", "/api/v1/meal-plans/"+plan["id"].(string), owner.Token, nil), 200)
					if fmt.Sprint(slotKeys(after), after["notes"]) != fmt.Sprint(slotKeys(plan), plan["notes"]) {
						t.Errorf("%s changed the owner's plan: %v", caller, slotKeys(after))
					}
				}
				if rt.adminReads && caller == "admin" {
					if plans, _ := res.JSON(t)["mealPlans"].([]any); len(plans) != 1 || plans[0].(map[string]any)["id"] != plan["id"] {
						t.Errorf("the admin's listing of the owner's plans: %s", res.Body)
					}
				}
				if rt.own && caller != "owner" && caller != "anonymous" {
					wantNotTheOwners(t, res, plan["id"])
				}
			})
		}
	}
}

func (rt planRoute) expect(caller string) int {
	switch {
	case caller == "anonymous":
		return http.StatusUnauthorized
	case caller == "owner", rt.own, rt.adminReads && caller == "admin":
		return rt.ok
	}
	return http.StatusNotFound
}

// wantNotTheOwners fails when an answer about the caller's own plans shows
// the owner's plan.
func wantNotTheOwners(t *testing.T, res response, ownerPlan any) {
	t.Helper()
	if len(res.Body) == 0 {
		return
	}
	body := res.JSON(t)
	plans, _ := body["mealPlans"].([]any)
	if body["id"] == ownerPlan || len(plans) > 0 {
		t.Errorf("another caller sees the owner's plan: %s", res.Body)
	}
}
