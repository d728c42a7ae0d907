package generator_test

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/planning/generator"
	"github.com/mealplanner/backend/domain/recipe"
)

// randomRequest draws a profile: a few diets, allergies and dislikes, some
// preparation limits, a non-empty set of meal types and an energy target.
func randomRequest(rng *rand.Rand) generator.Request {
	some := func(from []string, most int) []string {
		var out []string
		for range rng.IntN(most + 1) {
			out = append(out, from[rng.IntN(len(from))])
		}
		return out
	}
	req := generator.Request{Seed: rng.Uint64(), MaxPrepTime: map[planning.MealType]int{},
		Targets: generator.Targets{Calories: float64(1200 + rng.IntN(2800))},
		Restrictions: recipe.Restrictions{Dietary: some(recipe.DietaryValues, 2),
			Allergies: some([]string{"Peanuts", "Tree Nuts", "Eggs", "Dairy", "Shellfish", "Gluten", "nut", "milk"}, 2),
			Dislikes:  some([]string{"mushroom", "olive", "coriander", "chilli", "onion", "tomato"}, 2)}}
	for _, m := range planning.MealTypes() {
		if rng.IntN(4) > 0 {
			req.MealTypes = append(req.MealTypes, m)
		}
		req.MaxPrepTime[m] = []int{0, 0, 10, 15, 20, 30}[rng.IntN(6)]
	}
	if len(req.MealTypes) == 0 {
		req.MealTypes = []planning.MealType{planning.Dinner}
	}
	return req
}

// fits reports whether r could fill a slot of meal under req at all.
func fits(r *recipe.Recipe, meal planning.MealType, req generator.Request) bool {
	limit := req.MaxPrepTime[meal]
	return r.Nutrition.Calories > 0 && req.Restrictions.Allows(r) && (limit == 0 || r.PrepTime <= limit)
}

// TestGenerateNeverBreaksHardConstraints plans for random profiles and
// checks every pick against Allows and the preparation limit, and every
// empty slot or refusal against the catalogue: none may hide a fitting recipe.
func TestGenerateNeverBreaksHardConstraints(t *testing.T) {
	t.Parallel()
	catalogues := map[string][]*recipe.Recipe{"seed": mustSeed(t),
		"synthetic 10k": recipe.Synthesize(9, mustSeed(t), 10_000, 1)}
	for name, cat := range catalogues {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rng := rand.New(rand.NewPCG(2026, 3))
			index := byID(cat)
			planned, picks := 0, 0
			for range 40 {
				req := randomRequest(rng)
				req.WeekStart, req.Now = week, now
				res, err := generator.Generate(cat, req)
				if errors.Is(err, generator.ErrNoCandidates) {
					checkNoneFits(t, cat, req.MealTypes, req)
					continue
				}
				if err != nil {
					t.Fatalf("%+v: %v", req, err)
				}
				checkPicks(t, res, cat, index, req)
				planned, picks = planned+1, picks+res.Plan.MealCount()
			}
			// Most random profiles must be plannable, or the test checks little.
			if planned < 20 || picks < 300 {
				t.Errorf("only %d of 40 profiles planned, %d picks", planned, picks)
			}
		})
	}
}

func checkPicks(t *testing.T, res generator.Result, cat []*recipe.Recipe, index map[int64]*recipe.Recipe,
	req generator.Request) {
	t.Helper()
	for date, day := range res.Plan.Days {
		for meal, s := range day {
			if r := index[s.RecipeID]; r == nil || !fits(r, meal, req) || !slices.Contains(req.MealTypes, meal) {
				t.Errorf("%s %s: recipe %d breaks %+v (prep limits %v)", date, meal, s.RecipeID,
					req.Restrictions, req.MaxPrepTime)
			}
		}
	}
	var gapMeals []planning.MealType
	for _, g := range res.Gaps {
		if !slices.Contains(gapMeals, g.MealType) {
			gapMeals = append(gapMeals, g.MealType)
		}
	}
	checkNoneFits(t, cat, gapMeals, req)
	if res.Plan.MealCount()+len(res.Gaps) != planning.DaysPerWeek*len(req.MealTypes) {
		t.Errorf("%d meals and %d gaps for %d meal types", res.Plan.MealCount(), len(res.Gaps), len(req.MealTypes))
	}
}

// checkNoneFits fails if any recipe of cat could fill any of meals.
func checkNoneFits(t *testing.T, cat []*recipe.Recipe, meals []planning.MealType, req generator.Request) {
	t.Helper()
	for _, m := range meals {
		for _, r := range cat {
			if fits(r, m, req) {
				t.Errorf("%s left empty though recipe %d fits %+v", m, r.ID, req.Restrictions)
				return
			}
		}
	}
}
