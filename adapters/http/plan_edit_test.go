package http_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// slotKeys lists a MealPlan's slots as sorted "date/meal=recipeId".
func slotKeys(plan map[string]any) []string {
	var out []string
	days, _ := plan["days"].(map[string]any)
	for date, day := range days {
		for meal, slot := range day.(map[string]any) {
			out = append(out, fmt.Sprintf("%s/%s=%v", date, meal, slot.(map[string]any)["recipeId"]))
		}
	}
	slices.Sort(out)
	return out
}

func wantSlots(t *testing.T, plan map[string]any, want ...string) {
	t.Helper()
	slices.Sort(want)
	if got := slotKeys(plan); !slices.Equal(got, want) {
		t.Errorf("slots\n got %v\nwant %v", got, want)
	}
}

func slotBody(id int) map[string]any { return map[string]any{"recipeId": fmt.Sprint(id)} }

func TestReplaceAndMergePlan(t *testing.T) {
	t.Parallel()
	a, s := newPlanAPI(t)
	a.planMeal(s.Token, "2026-11-23", "lunch", idChickpea)
	id := a.planMeal(s.Token, "2026-11-24", "dinner", idTeriyaki)["id"].(string)
	path := "/api/v1/meal-plans/" + id

	merged := planBody(t, a.do("PATCH", path, s.Token, map[string]any{"notes": "n",
		"days": map[string]any{"2026-11-25": map[string]any{"breakfast": slotBody(idPotatoes)}}}), http.StatusOK)
	wantSlots(t, merged, "2026-11-23/lunch=53010", "2026-11-24/dinner=52772", "2026-11-25/breakfast=52965")

	// The frontend sends the plan back as it got it: the copies it carries are ignored.
	replaced := planBody(t, a.do("PUT", path, s.Token, map[string]any{"days": map[string]any{
		"2026-11-24": map[string]any{"dinner": slotOf(merged, "2026-11-24", "dinner")},
		"2026-11-28": map[string]any{"snacks": map[string]any{"recipeId": idChocolate, "servings": 3}}}}), http.StatusOK)
	wantSlots(t, replaced, "2026-11-24/dinner=52772", "2026-11-28/snacks=53050")
	if replaced["notes"] != "n" || replaced["mealCount"] != 2.0 {
		t.Errorf("notes %v, mealCount %v", replaced["notes"], replaced["mealCount"])
	}
	notesOnly := planBody(t, a.do("PUT", path, s.Token, map[string]any{"notes": ""}), http.StatusOK)
	wantSlots(t, notesOnly, "2026-11-24/dinner=52772", "2026-11-28/snacks=53050")

}

func TestReplaceAndMergeRefusals(t *testing.T) {
	t.Parallel()
	a, s := newPlanAPI(t)
	id := a.planMeal(s.Token, "2026-11-24", "dinner", idTeriyaki)["id"].(string)
	path := "/api/v1/meal-plans/" + id
	tests := []struct {
		name, method string
		body         any
		fields       []string
	}{
		{"a date outside the week", "PUT", map[string]any{"days": map[string]any{"2026-11-29": map[string]any{"lunch": slotBody(idMasala)}}}, []string{"days.2026-11-29"}},
		{"an unknown meal type", "PATCH", map[string]any{"days": map[string]any{"2026-11-23": map[string]any{"tea": slotBody(idMasala)}}}, []string{"days.2026-11-23.tea"}},
		{"unknown recipes and servings", "PATCH", map[string]any{"days": map[string]any{"2026-11-23": map[string]any{
			"lunch": slotBody(99999), "dinner": map[string]any{"recipeId": "52800", "servings": 0}}}},
			[]string{"days.2026-11-23.lunch.recipeId", "days.2026-11-23.dinner.servings"}},
		{"a bad recipe id", "PUT", map[string]any{"days": map[string]any{"2026-11-23": map[string]any{"lunch": map[string]any{"recipeId": "abc"}}}}, []string{"days.2026-11-23.lunch.recipeId"}},
		{"notes too long", "PATCH", map[string]any{"notes": strings.Repeat("x", 2001)}, []string{"notes"}},
		{"days not an object", "PUT", map[string]any{"days": []int{1}}, []string{"days"}},
		{"malformed JSON", "PUT", `{"days":`, []string{"body"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantDetail(t, a.do(tt.method, path, s.Token, tt.body), tt.fields...)
		})
	}
	bad := a.do("PATCH", path, s.Token, map[string]any{"days": map[string]any{"2026-11-23": map[string]any{"lunch": slotBody(99999)}}})
	if d := details(t, bad); d["days.2026-11-23.lunch.recipeId"] != "recipe not found" {
		t.Errorf("details = %v", d)
	}
	wantSlots(t, planBody(t, a.do("GET", path, s.Token, nil), http.StatusOK), "2026-11-24/dinner=52772")
}

func TestCopyDayAcrossWeeks(t *testing.T) {
	t.Parallel()
	a, s := newPlanAPI(t)
	a.planMeal(s.Token, "2026-11-27", "breakfast", idPotatoes)
	id := a.planMeal(s.Token, "2026-11-27", "dinner", idTeriyaki)["id"].(string)
	a.planMeal(s.Token, "2026-11-30", "dinner", idChickpea)
	path := "/api/v1/meal-plans/" + id + "/copy-day"

	src := planBody(t, a.do("POST", path, s.Token, map[string]any{"sourceDate": "2026-11-27",
		"targetDates": []string{"2026-11-28", "2026-11-30", "2026-12-07"}}), http.StatusOK)
	if src["id"] != id {
		t.Errorf("answered plan %v, want the source %s", src["id"], id)
	}
	wantSlots(t, src, "2026-11-27/breakfast=52965", "2026-11-27/dinner=52772", "2026-11-28/breakfast=52965", "2026-11-28/dinner=52772")
	next := planBody(t, a.do("GET", "/api/v1/meal-plans?weekStart="+nextWeek, s.Token, nil), http.StatusOK)
	wantSlots(t, next, "2026-11-30/breakfast=52965", "2026-11-30/dinner=53010")
	created := planBody(t, a.do("GET", "/api/v1/meal-plans?weekStart=2026-12-07", s.Token, nil), http.StatusOK)
	wantSlots(t, created, "2026-12-07/breakfast=52965", "2026-12-07/dinner=52772")

	replaced := a.do("POST", path, s.Token, map[string]any{"sourceDate": "2026-11-27", "targetDates": []string{"2026-11-30"}, "replaceExisting": true})
	wantStatus(t, replaced, http.StatusOK)
	next = planBody(t, a.do("GET", "/api/v1/meal-plans?weekStart="+nextWeek, s.Token, nil), http.StatusOK)
	wantSlots(t, next, "2026-11-30/breakfast=52965", "2026-11-30/dinner=52772")

	many := make([]string, 15)
	for i := range many {
		many[i] = fmt.Sprintf("2026-12-%02d", i+1)
	}
	wantError(t, a.do("POST", path, s.Token, map[string]any{"sourceDate": "2026-11-26", "targetDates": []string{"2026-11-28"}}),
		http.StatusBadRequest, "the selected day has no meals")
	wantError(t, a.do("POST", path, s.Token, map[string]any{"sourceDate": "2026-11-27", "targetDates": many}),
		http.StatusBadRequest, "at most 14 target dates")
	wantDetail(t, a.do("POST", path, s.Token, map[string]any{"sourceDate": "2026-11-27", "targetDates": []string{"2026-11-28", "x"}}), "targetDates[1]")
	wantDetail(t, a.do("POST", path, s.Token, map[string]any{"sourceDate": "2026-11-27"}), "targetDates")
	a.drainPlanner()
	acts := activityLines(a.get("/api/v1/users/me/activities", s.Token, http.StatusOK).List(t))
	if n := countPrefix(acts, "copy_day "); n != 2 {
		t.Errorf("%d copy_day activities, want 2: %q", n, acts)
	}
}

func countPrefix(lines []string, prefix string) int {
	n := 0
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			n++
		}
	}
	return n
}

func TestClearPlan(t *testing.T) {
	t.Parallel()
	a, s := newPlanAPI(t)
	a.planMeal(s.Token, "2026-11-23", "lunch", idChickpea)
	a.planMeal(s.Token, "2026-11-23", "dinner", idTeriyaki)
	id := a.planMeal(s.Token, "2026-11-25", "dinner", idMasala)["id"].(string)
	path := "/api/v1/meal-plans/" + id + "/clear"
	wantDetail(t, a.do("POST", path, s.Token, map[string]any{"dates": []string{"2026-11-29"}, "mealTypes": []string{"tea"}}), "dates[0]", "mealTypes[0]")
	plan := planBody(t, a.do("POST", path, s.Token, map[string]any{"mealTypes": []string{"dinner"}}), http.StatusOK)
	wantSlots(t, plan, "2026-11-23/lunch=53010")
	plan = planBody(t, a.do("POST", path, s.Token, nil), http.StatusOK)
	if plan["mealCount"] != 0.0 || plan["id"] != id {
		t.Errorf("after clearing everything: %v", plan)
	}
	planBody(t, a.do("POST", path, s.Token, nil), http.StatusOK)
	a.drainPlanner()
	acts := activityLines(a.get("/api/v1/users/me/activities", s.Token, http.StatusOK).List(t))
	if n := countPrefix(acts, "clear_plan "); n != 2 {
		t.Errorf("%d clear_plan activities, want 2 (the third clear removed nothing): %q", n, acts)
	}
}

func TestCopyWeek(t *testing.T) {
	t.Parallel()
	a, s := newPlanAPI(t)
	a.planMeal(s.Token, "2026-11-22", "breakfast", idPotatoes)
	id := a.planMeal(s.Token, "2026-11-28", "dinner", idTeriyaki)["id"].(string)
	path := "/api/v1/meal-plans/" + id + "/copy-week"
	target := planBody(t, a.do("POST", path, s.Token, map[string]any{"targetWeekStart": "2026-12-09"}), http.StatusOK)
	if target["weekStart"] != "2026-12-06" || target["id"] == id || target["id"] == nil {
		t.Errorf("target = %v", target)
	}
	wantSlots(t, target, "2026-12-06/breakfast=52965", "2026-12-12/dinner=52772")
	wantDetail(t, a.do("POST", path, s.Token, map[string]any{}), "targetWeekStart")
	emptyID := planBody(t, a.do("POST", "/api/v1/meal-plans", s.Token, map[string]any{"weekStart": "2027-01-03"}), http.StatusCreated)["id"].(string)
	wantError(t, a.do("POST", "/api/v1/meal-plans/"+emptyID+"/copy-week", s.Token, map[string]any{"targetWeekStart": "2027-01-10"}),
		http.StatusBadRequest, "the selected week has no meals")
}

func TestListPlans(t *testing.T) {
	t.Parallel()
	a, s := newPlanAPI(t)
	for _, d := range []string{"2026-11-03", "2026-11-10", "2026-11-23", "2026-12-01", "2026-12-08"} {
		a.planMeal(s.Token, d, "lunch", idChickpea)
	}
	tests := []struct {
		path  string
		weeks []string
		total string
	}{
		{"/api/v1/meal-plans", []string{"2026-12-06", "2026-11-29", "2026-11-22", "2026-11-08", "2026-11-01"}, "5"},
		{"/api/v1/meal-plans?limit=2&page=2", []string{"2026-11-22", "2026-11-08"}, "5"},
		{"/api/v1/meal-plans?from=2026-11-14&to=2026-12-02", []string{"2026-11-29", "2026-11-22", "2026-11-08"}, "3"},
		{"/api/v1/users/me/meal-plans?page=4&limit=2", []string{}, "5"},
		{"/api/users/" + s.ID + "/meal-plans?to=2026-11-08", []string{"2026-11-08", "2026-11-01"}, "2"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res := a.get(tt.path, s.Token, http.StatusOK)
			body := res.JSON(t)
			weeks := []string{}
			for _, p := range body["mealPlans"].([]any) {
				weeks = append(weeks, p.(map[string]any)["weekStart"].(string))
			}
			if !slices.Equal(weeks, tt.weeks) || res.Header.Get("X-Total-Count") != tt.total || fmt.Sprint(body["total"]) != tt.total {
				t.Errorf("weeks %v total %v (header %s), want %v %s", weeks, body["total"], res.Header.Get("X-Total-Count"), tt.weeks, tt.total)
			}
		})
	}
	page := a.get("/api/v1/meal-plans?limit=2", s.Token, http.StatusOK).JSON(t)
	if page["totalPages"] != 3.0 || page["limit"] != 2.0 || page["page"] != 1.0 {
		t.Errorf("paging = %v", page)
	}
	for _, q := range []string{"limit=0", "limit=101", "page=0", "page=x", "from=yesterday", "from=2026-12-01&to=2026-11-01"} {
		res := a.do("GET", "/api/v1/meal-plans?"+q, s.Token, nil)
		wantStatus(t, res, http.StatusBadRequest)
	}
}
