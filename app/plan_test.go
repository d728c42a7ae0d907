package app_test

import (
	"context"
	"maps"
	"testing"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

func TestAddMealByDateCreatesTheWeekAndCopiesTheRecipe(t *testing.T) {
	t.Parallel()
	f := newPlanFixture(t, nil)
	ctx := context.Background()
	plan := mustAdd(t, f, f.alice, "", "2026-11-25", "Dinner", curry)
	if plan.ID == "" || plan.Version != 1 || plan.WeekStart.String() != "2026-11-22" || plan.UserID != "alice" {
		t.Fatalf("plan = %+v", plan)
	}
	slot, ok := plan.Get(plan.WeekStart.AddDays(3), "dinner")
	want := "Chicken Curry|Chicken|http://img/101-200.jpg"
	if got := slot.RecipeName + "|" + slot.Category + "|" + slot.Thumbnail; !ok || got != want {
		t.Fatalf("slot = %+v, want %s", slot, want)
	}
	if slot.Servings != 4 || !slot.AddedAt.Equal(planStart) {
		t.Errorf("servings %d (want alice's household 4), addedAt %v", slot.Servings, slot.AddedAt)
	}
	again, err := f.planner.AddMeal(ctx, f.alice, app.AddMealInput{Date: "2026-11-28", MealType: "breakfast",
		RecipeID: pancakes, Servings: servings(7), Note: "extra syrup"})
	if err != nil {
		t.Fatal(err)
	}
	if again.ID != plan.ID || again.MealCount() != 2 {
		t.Errorf("a second add in the week made plan %s with %d meals, want %s with 2", again.ID, again.MealCount(), plan.ID)
	}
	if s, _ := again.Get(again.WeekStart.AddDays(6), "breakfast"); s.Servings != 7 || s.Note != "extra syrup" || s.Thumbnail != "http://img/102-600.jpg" {
		t.Errorf("explicit slot = %+v", s)
	}
	bobs := mustAdd(t, f, f.bob, "", "2026-11-22", "lunch", curry)
	if s, _ := bobs.Get(bobs.WeekStart, "lunch"); s.Servings != 2 || bobs.ID == plan.ID {
		t.Errorf("bob's slot = %+v in plan %s", s, bobs.ID)
	}
}

func TestAddMealRefusesBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		plan    string // "own", "bob's" or "" (by date)
		in      app.AddMealInput
		code    domain.Code
		message string
		field   string
	}{
		{"bad date", "", app.AddMealInput{Date: "2026-13-01", MealType: "lunch", RecipeID: curry}, domain.CodeValidation, "invalid date: must be YYYY-MM-DD", "date"},
		{"no meal type", "", app.AddMealInput{Date: "2026-11-23", RecipeID: curry}, domain.CodeValidation, "mealType is required", "mealType"},
		{"unknown meal type", "", app.AddMealInput{Date: "2026-11-23", MealType: "brunch", RecipeID: curry}, domain.CodeValidation, "", "mealType"},
		{"no recipe", "", app.AddMealInput{Date: "2026-11-23", MealType: "lunch"}, domain.CodeValidation, "recipeId must be a positive integer", "recipeId"},
		{"zero servings", "", app.AddMealInput{Date: "2026-11-23", MealType: "lunch", RecipeID: curry, Servings: servings(0)}, domain.CodeValidation, "servings must be between 1 and 50", "servings"},
		{"unknown recipe", "", app.AddMealInput{Date: "2026-11-23", MealType: "lunch", RecipeID: 999}, domain.CodeNotFound, "recipe not found", ""},
		{"deleted recipe", "", app.AddMealInput{Date: "2026-11-23", MealType: "lunch", RecipeID: stale}, domain.CodeNotFound, "recipe not found", ""},
		{"date outside the plan's week", "own", app.AddMealInput{Date: "2026-11-29", MealType: "lunch", RecipeID: curry}, domain.CodeValidation, "date is outside the plan's week", "date"},
		{"another user's plan", "bob's", app.AddMealInput{Date: "2026-11-23", MealType: "lunch", RecipeID: curry}, domain.CodeNotFound, "meal plan not found", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newPlanFixture(t, nil)
			own := mustAdd(t, f, f.alice, "", "2026-11-22", "dinner", pancakes)
			bobs := mustAdd(t, f, f.bob, "", "2026-11-22", "dinner", pancakes)
			tt.in.PlanID = map[string]string{"own": own.ID, "bob's": bobs.ID}[tt.plan]
			_, err := f.planner.AddMeal(context.Background(), f.alice, tt.in)
			de := wantPlanError(t, err, tt.code, tt.message)
			if _, ok := de.Details[tt.field]; tt.field != "" && !ok {
				t.Errorf("details %v lack %s", de.Details, tt.field)
			}
			for _, pr := range []app.Principal{f.alice, f.bob} {
				plans, total, _ := f.store.Plans().List(context.Background(), pr.UserID, ports.PlanQuery{})
				if total != 1 || plans[0].MealCount() != 1 {
					t.Errorf("%s's plans changed: %d plans", pr.UserID, total)
				}
			}
		})
	}
}

func TestWeekPlanOfAnEmptyWeekWritesNothing(t *testing.T) {
	t.Parallel()
	f := newPlanFixture(t, nil)
	ctx := context.Background()
	plan, err := f.planner.WeekPlan(ctx, f.alice, "2026-12-02")
	if err != nil {
		t.Fatal(err)
	}
	if plan.ID != "" || plan.WeekStart.String() != "2026-11-29" || !plan.CreatedAt.IsZero() || plan.MealCount() != 0 {
		t.Errorf("empty week = %+v", plan)
	}
	if _, total, _ := f.store.Plans().List(ctx, "alice", ports.PlanQuery{}); total != 0 {
		t.Errorf("looking at a week stored %d plans", total)
	}
	stored := mustAdd(t, f, f.alice, "", "2026-12-05", "lunch", curry)
	if got, err := f.planner.WeekPlan(ctx, f.alice, "2026-11-29"); err != nil || got.ID != stored.ID {
		t.Errorf("week plan = %v, %v; want %s", got, err, stored.ID)
	}
	if got, err := f.planner.WeekPlan(ctx, f.bob, "2026-11-29"); err != nil || got.ID != "" {
		t.Errorf("bob sees alice's week: %+v, %v", got, err)
	}
	_, err = f.planner.WeekPlan(ctx, f.alice, "29/11/2026")
	wantPlanError(t, err, domain.CodeValidation, "invalid date: must be YYYY-MM-DD")
}

func TestCreatePlan(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      app.CreatePlanInput
		code    domain.Code
		message string
		details map[string]any
	}{
		{"taken week", app.CreatePlanInput{WeekStart: "2026-11-27"}, domain.CodeConflict, "meal plan already exists for this week", nil},
		{"unknown and deleted recipes", app.CreatePlanInput{WeekStart: "2026-12-01", Days: app.DaysInput{
			"2026-12-01": {"dinner": {RecipeID: 999}, "lunch": {RecipeID: stale}},
		}}, domain.CodeValidation, "recipe not found", map[string]any{
			"days.2026-12-01.lunch.recipeId": "recipe not found", "days.2026-12-01.dinner.recipeId": "recipe not found"}},
		{"every problem at once", app.CreatePlanInput{WeekStart: "2026-12-01", Days: app.DaysInput{
			"2026-12-01": {"dinner": {RecipeID: 999}, "lunch": {RecipeID: curry, Servings: servings(99)}},
			"2026-12-09": {"dinner": {RecipeID: curry}},
		}}, domain.CodeValidation, "recipe not found", map[string]any{
			"days.2026-12-01.dinner.recipeId": "recipe not found",
			"days.2026-12-01.lunch.servings":  "servings must be between 1 and 50",
			"days.2026-12-09":                 "date is outside the plan's week"}},
		{"unknown meal type", app.CreatePlanInput{WeekStart: "2026-12-01", Days: app.DaysInput{
			"2026-12-01": {"brunch": {RecipeID: curry}}}}, domain.CodeValidation, "", map[string]any{
			"days.2026-12-01.brunch": "unknown meal type: must be one of breakfast, lunch, dinner, snacks"}},
		{"no week", app.CreatePlanInput{}, domain.CodeValidation, "weekStart is required", map[string]any{"weekStart": "weekStart is required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newPlanFixture(t, nil)
			mustAdd(t, f, f.alice, "", "2026-11-23", "lunch", curry)
			_, err := f.planner.CreatePlan(context.Background(), f.alice, tt.in)
			de := wantPlanError(t, err, tt.code, tt.message)
			if tt.details != nil && !maps.Equal(de.Details, tt.details) {
				t.Errorf("details = %v, want %v", de.Details, tt.details)
			}
			if _, total, _ := f.store.Plans().List(context.Background(), "alice", ports.PlanQuery{}); total != 1 {
				t.Errorf("a refused create left %d plans", total)
			}
		})
	}
}

func TestCreatePlanWithDays(t *testing.T) {
	t.Parallel()
	f := newPlanFixture(t, nil)
	plan, err := f.planner.CreatePlan(context.Background(), f.bob, app.CreatePlanInput{WeekStart: "2026-12-02", Notes: "busy week",
		Days: app.DaysInput{"2026-11-30": {"Breakfast": {RecipeID: pancakes, Note: "n"}, "dinner": {RecipeID: curry, Servings: servings(3)}}}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{"2026-11-30/breakfast": pancakes, "2026-11-30/dinner": curry}
	if !maps.Equal(planLayout(plan), want) || plan.Notes != "busy week" || plan.WeekStart.String() != "2026-11-29" {
		t.Fatalf("plan = %v %+v", planLayout(plan), plan)
	}
	b, _ := plan.Get(plan.WeekStart.AddDays(1), "breakfast")
	d, _ := plan.Get(plan.WeekStart.AddDays(1), "dinner")
	if b.Servings != 2 || b.RecipeName != "Pancakes" || b.Note != "n" || d.Servings != 3 || !d.AddedAt.Equal(planStart) {
		t.Errorf("slots = %+v, %+v", b, d)
	}
}
