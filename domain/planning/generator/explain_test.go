package generator_test

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/planning/generator"
	"github.com/mealplanner/backend/domain/recipe"
)

func TestExplanationSentence(t *testing.T) {
	t.Parallel()
	// Seven identical-looking dinners of 737 kcal: the dinner-only target
	// of 2000 kcal is 35/95 of it.
	var dinners []*recipe.Recipe
	for i := range 7 {
		dinners = append(dinners, &recipe.Recipe{ID: int64(i + 1), Name: fmt.Sprint("Stew ", i), Category: "Beef",
			Nutrition: recipe.Nutrients{Calories: 737, Protein: 38.4, Carbohydrate: 60, Fat: 35}})
	}
	res := mustGenerate(t, dinners, generator.Request{MealTypes: []planning.MealType{planning.Dinner}})
	want := "Chosen for dinner: 737 kcal brings Sunday to 737 kcal (target 737); 38 g protein, 60 g carbohydrate, 35 g fat."
	if got := res.Explanations[0].Why; got != want {
		t.Errorf("Why = %q\nwant  %q", got, want)
	}
}

func TestGenerateFallsBackToLighterDishes(t *testing.T) {
	t.Parallel()
	// Two breakfasts for seven mornings: lighter dishes stand in rather
	// than breakfasts repeating, and the explanation says so.
	cat := slices.DeleteFunc(feasibleCatalogue(), func(r *recipe.Recipe) bool {
		return r.Category == "Breakfast" && r.ID != 15 && r.ID != 16
	})
	res := mustGenerate(t, cat, generator.Request{Seed: 8})
	index, standIns := byID(cat), 0
	for _, e := range res.Explanations {
		if e.MealType != planning.Breakfast || index[e.RecipeID].Category == "Breakfast" {
			continue
		}
		standIns++
		if !strings.Contains(e.Why, "too few breakfast recipes fit") {
			t.Errorf("stand-in breakfast %d explained %q", e.RecipeID, e.Why)
		}
	}
	if standIns < 5 || res.Deviation.Repeats != 0 {
		t.Errorf("%d stand-in breakfasts and %d repeats, want at least 5 and none", standIns, res.Deviation.Repeats)
	}
}

func TestGenerateSkipsUnusableRecipes(t *testing.T) {
	t.Parallel()
	cat := feasibleCatalogue()
	deleted, unknownEnergy, unsaved := cat[0], cat[31], cat[62]
	deleted.DeletedAt = &now
	unknownEnergy.Nutrition = recipe.Nutrients{}
	unsaved.ID = 0
	cat = append(cat, nil)
	res := mustGenerate(t, cat, generator.Request{Seed: 1})
	for _, day := range res.Plan.Days {
		for _, s := range day {
			if s.RecipeID == deleted.ID || s.RecipeID == unknownEnergy.ID || s.RecipeID == 0 {
				t.Errorf("unusable recipe %d planned", s.RecipeID)
			}
		}
	}
}

// TestReportAgreesWithThePlan recounts the report from the plan and the
// catalogue.
func TestReportAgreesWithThePlan(t *testing.T) {
	t.Parallel()
	cat := mustSeed(t)
	res := mustGenerate(t, cat, generator.Request{Targets: generator.Targets{Calories: 2300}, Seed: 13})
	index := byID(cat)
	var weekKcal, weekTarget float64
	seen, repeats := map[int64]bool{}, 0
	for i, date := range res.Plan.Dates() {
		kcal := 0.0
		for _, m := range planning.MealTypes() {
			if s, ok := res.Plan.Get(date, m); ok {
				kcal += index[s.RecipeID].Nutrition.Calories
				repeats += btoi(seen[s.RecipeID])
				seen[s.RecipeID] = true
			}
		}
		if d := res.DailyTotals[i]; math.Abs(d.Nutrients.Calories-kcal) > 1e-6 || d.Target != 2300 || !d.Date.Equal(date) {
			t.Errorf("day %d: report %+v, recount %.0f kcal of 2300", i, d, kcal)
		}
		weekKcal, weekTarget = weekKcal+kcal, weekTarget+2300
	}
	if want := 100 * (weekKcal - weekTarget) / weekTarget; math.Abs(res.Deviation.WeekEnergy-want) > 1e-9 {
		t.Errorf("WeekEnergy %.3f, recount %.3f", res.Deviation.WeekEnergy, want)
	}
	if res.Deviation.Repeats != repeats {
		t.Errorf("Repeats %d, recount %d", res.Deviation.Repeats, repeats)
	}
}
