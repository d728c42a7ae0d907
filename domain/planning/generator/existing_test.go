package generator_test

import (
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/planning/generator"
	"github.com/mealplanner/backend/domain/recipe"
)

// mustExisting is a plan of the test week with a kept breakfast on Sunday
// and a kept dinner on Monday, both from the feasible catalogue.
func mustExisting(tb testing.TB, cat []*recipe.Recipe) *planning.Plan {
	tb.Helper()
	p := planning.NewPlan("plan-1", "user-1", week, now.Add(-48*time.Hour))
	put := func(day int, meal planning.MealType, r *recipe.Recipe) {
		s, err := planning.NewSlot(r.ID, r.Name, "", r.Category, 3, "kept", now.Add(-24*time.Hour))
		if err != nil {
			tb.Fatal(err)
		}
		if err := p.Set(week.AddDays(day), meal, s, now.Add(-24*time.Hour)); err != nil {
			tb.Fatal(err)
		}
	}
	put(0, planning.Breakfast, cat[5])
	put(1, planning.Dinner, cat[70])
	return p
}

func TestGenerateKeepsExistingSlots(t *testing.T) {
	t.Parallel()
	cat := feasibleCatalogue()
	existing := mustExisting(t, cat)
	before := existing.Clone()
	res := mustGenerate(t, cat, generator.Request{Existing: existing, KeepExisting: true, Seed: 2})
	if !reflect.DeepEqual(existing, before) {
		t.Error("Generate modified the existing plan")
	}
	checkKept(t, before, res.Plan)
	if res.Plan.ID != "plan-1" || res.Plan.UserID != "user-1" {
		t.Errorf("plan identity %q/%q lost", res.Plan.ID, res.Plan.UserID)
	}
	if got := res.Plan.MealCount(); got != 4*planning.DaysPerWeek {
		t.Errorf("%d meals, want 28", got)
	}
	if len(res.Explanations) != 4*planning.DaysPerWeek-2 {
		t.Errorf("%d explanations, want one per new pick (26)", len(res.Explanations))
	}
	// The kept breakfast counts toward Sunday: the totals equal the recipes'.
	sunday := res.DailyTotals[0]
	want := 0.0
	for _, s := range res.Plan.Days[week] {
		want += byID(cat)[s.RecipeID].Nutrition.Calories
	}
	if math.Abs(sunday.Nutrients.Calories-want) > 1e-9 || sunday.Meals != 4 {
		t.Errorf("Sunday totals %.0f kcal over %d meals, want %.0f over 4", sunday.Nutrients.Calories, sunday.Meals, want)
	}
}

// checkKept fails for every slot of before that plan does not hold as it was.
func checkKept(t *testing.T, before, plan *planning.Plan) {
	t.Helper()
	for date, day := range before.Days {
		for meal, kept := range day {
			if got, _ := plan.Get(date, meal); got != kept {
				t.Errorf("%s %s: %+v, want the kept %+v", date, meal, got, kept)
			}
		}
	}
}

func TestGenerateReplacesRequestedSlotsUnlessKept(t *testing.T) {
	t.Parallel()
	cat := feasibleCatalogue()
	existing := mustExisting(t, cat)
	// Only breakfasts are requested: Sunday's is replaced, Monday's dinner
	// (not requested) stays.
	res := mustGenerate(t, cat, generator.Request{Existing: existing, KeepExisting: false,
		MealTypes: []planning.MealType{planning.Breakfast}, Seed: 2})
	if s, _ := res.Plan.Get(week, planning.Breakfast); s.Note == "kept" {
		t.Error("Sunday's breakfast was kept although keepExisting is false")
	}
	if s, _ := res.Plan.Get(week.AddDays(1), planning.Dinner); s.Note != "kept" {
		t.Error("Monday's dinner, not requested, was not kept")
	}
	if got := res.Plan.MealCount(); got != planning.DaysPerWeek+1 {
		t.Errorf("%d meals, want 7 breakfasts and the kept dinner", got)
	}
	for _, e := range res.Explanations {
		if e.MealType != planning.Breakfast {
			t.Errorf("explanation for %s %s: only breakfasts were picked", e.Date, e.MealType)
		}
	}
}

func TestGenerateCountsKeptRecipesMissingFromTheCatalogue(t *testing.T) {
	t.Parallel()
	cat := feasibleCatalogue()
	existing := mustExisting(t, cat)
	res := mustGenerate(t, cat[10:], generator.Request{Existing: existing, KeepExisting: true})
	if !reflect.DeepEqual(res.UnknownRecipes, []int64{cat[5].ID}) {
		t.Errorf("UnknownRecipes = %v, want [%d]", res.UnknownRecipes, cat[5].ID)
	}
}

func TestGenerateStampsNewSlots(t *testing.T) {
	t.Parallel()
	res := mustGenerate(t, feasibleCatalogue(), generator.Request{Servings: 4})
	for _, day := range res.Plan.Days {
		for _, s := range day {
			if s.Servings != 4 || !s.AddedAt.Equal(now) || s.RecipeName == "" || s.Category == "" {
				t.Errorf("slot %+v: want 4 servings added at %s with the recipe's name and category", s, now)
			}
		}
	}
	if !res.Plan.WeekStart.Equal(week) {
		t.Errorf("week start %s, want %s", res.Plan.WeekStart, week)
	}
}

func TestGenerateWithNothingToFill(t *testing.T) {
	t.Parallel()
	cat := feasibleCatalogue()
	full := mustGenerate(t, cat, generator.Request{Seed: 1}).Plan
	res := mustGenerate(t, cat, generator.Request{Existing: full, KeepExisting: true})
	if len(res.Explanations) != 0 || len(res.Gaps) != 0 || !reflect.DeepEqual(res.Plan.Days, full.Days) {
		t.Errorf("a full plan kept: %d explanations, %d gaps, days changed: %v",
			len(res.Explanations), len(res.Gaps), !reflect.DeepEqual(res.Plan.Days, full.Days))
	}
	if res.Deviation.MeanDailyEnergy > 10 || len(res.DailyTotals) != planning.DaysPerWeek {
		t.Errorf("report of the kept plan: %+v", res.Deviation)
	}
}
