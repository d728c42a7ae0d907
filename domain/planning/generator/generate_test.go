package generator_test

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/planning/generator"
	"github.com/mealplanner/backend/domain/recipe"
)

// mustGenerate plans a week and fails the test on an error.
func mustGenerate(tb testing.TB, candidates []*recipe.Recipe, req generator.Request) generator.Result {
	tb.Helper()
	if req.WeekStart.Equal(planning.Date{}) {
		req.WeekStart = week
	}
	if req.Now.IsZero() {
		req.Now = now
	}
	res, err := generator.Generate(candidates, req)
	if err != nil {
		tb.Fatalf("Generate: %v", err)
	}
	return res
}

func TestGenerateIsDeterministicForASeed(t *testing.T) {
	t.Parallel()
	seed := mustSeed(t)
	req := generator.Request{Targets: generator.Targets{Calories: 2200}, Seed: 42}
	a, b := mustGenerate(t, seed, req), mustGenerate(t, seed, req)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave different results")
	}
	differs := false
	for s := uint64(43); s < 46 && !differs; s++ {
		req.Seed = s
		differs = !reflect.DeepEqual(a.Plan.Days, mustGenerate(t, seed, req).Plan.Days)
	}
	if !differs {
		t.Error("three other seeds all gave the plan of seed 42")
	}
}

func TestGenerateMeetsEnergyAndMacrosOnAFeasibleCatalogue(t *testing.T) {
	t.Parallel()
	three := []planning.MealType{planning.Breakfast, planning.Lunch, planning.Dinner}
	cases := []struct {
		name  string
		meals []planning.MealType
		kcal  float64
	}{
		{"four meals 1600", nil, 1600},
		{"four meals 2000", nil, 2000},
		{"four meals 2500", nil, 2500},
		{"three meals 2000", three, 2000},
		{"lunch and dinner 1600", []planning.MealType{planning.Lunch, planning.Dinner}, 1600},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			res := mustGenerate(t, feasibleCatalogue(), generator.Request{MealTypes: c.meals,
				Targets: generator.Targets{Calories: c.kcal}, Seed: 3})
			for _, d := range res.DailyTotals {
				if d.EnergyDeviation < -10 || d.EnergyDeviation > 10 {
					t.Errorf("%s: %.0f kcal is %.1f %% from %.0f", d.Date, d.Nutrients.Calories, d.EnergyDeviation, c.kcal)
				}
			}
			if dev := res.Deviation; dev.WeekEnergy < -5 || dev.WeekEnergy > 5 || dev.Macro > 5 {
				t.Errorf("week %+.1f %%, macros %.1f points: want within ±5", dev.WeekEnergy, dev.Macro)
			}
			if want := planning.DaysPerWeek * max(len(c.meals), 4*btoi(c.meals == nil)); res.Plan.MealCount() != want {
				t.Errorf("%d meals planned, want %d", res.Plan.MealCount(), want)
			}
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestGenerateAvoidsRepeatsWhenCandidatesSuffice(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		cat  []*recipe.Recipe
		x    recipe.Restrictions
	}{
		{"feasible", feasibleCatalogue(), recipe.Restrictions{}},
		{"feasible vegan", feasibleCatalogue(), recipe.Restrictions{Dietary: []string{"Vegan"}}},
		{"seed", mustSeed(t), recipe.Restrictions{}},
		{"seed pescatarian", mustSeed(t), recipe.Restrictions{Dietary: []string{"Pescatarian"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			res := mustGenerate(t, c.cat, generator.Request{Restrictions: c.x, Seed: 5})
			seen := map[int64]bool{}
			for _, day := range res.Plan.Days {
				for _, s := range day {
					if seen[s.RecipeID] {
						t.Errorf("recipe %d planned twice", s.RecipeID)
					}
					seen[s.RecipeID] = true
				}
			}
			if res.Deviation.Repeats != 0 {
				t.Errorf("Deviation.Repeats = %d, want 0", res.Deviation.Repeats)
			}
		})
	}
}

func TestGenerateRepeatsOnlyWhenCandidatesRunOut(t *testing.T) {
	t.Parallel()
	// Five dinners near the dinner-only target (737 kcal of 2000) for seven
	// dinner slots: exactly two repeats, every recipe used.
	dinners := slices.DeleteFunc(feasibleCatalogue(), func(r *recipe.Recipe) bool {
		return r.Category != "Pasta" || r.Nutrition.Calories < 680 || r.Nutrition.Calories > 780
	})
	if len(dinners) != 5 {
		t.Fatalf("fixture: %d dinners, want 5", len(dinners))
	}
	res := mustGenerate(t, dinners, generator.Request{MealTypes: []planning.MealType{planning.Dinner}})
	if res.Deviation.Repeats != 2 {
		t.Errorf("Repeats = %d, want the unavoidable 2", res.Deviation.Repeats)
	}
	uses := map[int64]int{}
	for _, e := range res.Explanations {
		uses[e.RecipeID]++
	}
	if len(uses) != len(dinners) {
		t.Errorf("%d of the %d dinners used", len(uses), len(dinners))
	}
	for _, e := range res.Explanations {
		if repeated := strings.Contains(e.Why, "Planned 2 times"); repeated != (uses[e.RecipeID] == 2) {
			t.Errorf("recipe %d used %d times, explained %q", e.RecipeID, uses[e.RecipeID], e.Why)
		}
	}
}

func TestGenerateRespectsPrepTime(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		limits map[planning.MealType]int
	}{
		{"every meal 30 minutes", map[planning.MealType]int{planning.Breakfast: 30, planning.Lunch: 30,
			planning.Dinner: 30, planning.Snacks: 30}},
		{"breakfast 10 minutes only", map[planning.MealType]int{planning.Breakfast: 10}},
		{"zero means any", map[planning.MealType]int{planning.Dinner: 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			for _, cat := range [][]*recipe.Recipe{feasibleCatalogue(), mustSeed(t)} {
				res := mustGenerate(t, cat, generator.Request{MaxPrepTime: c.limits, Seed: 9})
				index := byID(cat)
				for _, e := range res.Explanations {
					if limit := c.limits[e.MealType]; limit > 0 && index[e.RecipeID].PrepTime > limit {
						t.Errorf("%s %s: recipe %d takes %d minutes, limit %d", e.Date, e.MealType, e.RecipeID,
							index[e.RecipeID].PrepTime, limit)
					}
				}
				if len(res.Gaps) > 0 {
					t.Errorf("%d gaps, want none", len(res.Gaps))
				}
			}
		})
	}
}

func TestGenerateExplainsEveryPick(t *testing.T) {
	t.Parallel()
	res := mustGenerate(t, mustSeed(t), generator.Request{Seed: 11})
	if len(res.Explanations) != res.Plan.MealCount() {
		t.Fatalf("%d explanations for %d picks", len(res.Explanations), res.Plan.MealCount())
	}
	for _, e := range res.Explanations {
		s, ok := res.Plan.Get(e.Date, e.MealType)
		if !ok || s.RecipeID != e.RecipeID {
			t.Errorf("%s %s: explanation names recipe %d, plan has %+v", e.Date, e.MealType, e.RecipeID, s)
		}
		for _, want := range []string{"Chosen for " + string(e.MealType), e.Date.Weekday().String(), "kcal", "protein"} {
			if !strings.Contains(e.Why, want) {
				t.Errorf("%s %s: %q lacks %q", e.Date, e.MealType, e.Why, want)
			}
		}
	}
}

func TestGenerateReportsInfeasibleRequests(t *testing.T) {
	t.Parallel()
	cat := feasibleCatalogue()
	_, err := generator.Generate(cat, generator.Request{WeekStart: week, Now: now,
		Restrictions: recipe.Restrictions{Dietary: []string{"Keto"}}})
	if !errors.Is(err, generator.ErrNoCandidates) || domain.ErrorCode(err) != domain.CodeValidation {
		t.Errorf("no keto recipe: err = %v, want ErrNoCandidates", err)
	}
	// Every snack takes 10 minutes; a 5-minute limit leaves them empty.
	res := mustGenerate(t, cat, generator.Request{MaxPrepTime: map[planning.MealType]int{planning.Snacks: 5}})
	if len(res.Gaps) != planning.DaysPerWeek {
		t.Fatalf("%d gaps, want the 7 snacks", len(res.Gaps))
	}
	for _, g := range res.Gaps {
		if g.MealType != planning.Snacks || g.Reason == "" {
			t.Errorf("gap %+v, want a snack with a reason", g)
		}
		if _, ok := res.Plan.Get(g.Date, g.MealType); ok {
			t.Errorf("gap %s %s is filled", g.Date, g.MealType)
		}
	}
	if got := res.Plan.MealCount(); got != 3*planning.DaysPerWeek {
		t.Errorf("%d meals planned, want 21", got)
	}
}
