package evaluate_test

import (
	"testing"
	"time"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/planning/generator"
	"github.com/mealplanner/backend/domain/planning/generator/evaluate"
	"github.com/mealplanner/backend/domain/recipe"
)

// tampering changes a clean plan, or the profile it is checked against,
// and says how many violations that makes.
type tampering struct {
	name   string
	tamper func(res generator.Result, p *evaluate.Profile)
	want   int
}

// first returns the first explanation and the slot it explains.
func first(res generator.Result) (*generator.Explanation, planning.Slot) {
	e := &res.Explanations[0]
	s, _ := res.Plan.Get(e.Date, e.MealType)
	return e, s
}

func tamperings(meat *recipe.Recipe) []tampering {
	replace := func(res generator.Result, id int64) {
		e, s := first(res)
		s.RecipeID, e.RecipeID = id, id
		res.Plan.Days[e.Date][e.MealType] = s
	}
	return []tampering{
		{"untouched", func(generator.Result, *evaluate.Profile) {}, 0},
		{"meat in a vegan plan", func(res generator.Result, _ *evaluate.Profile) { replace(res, meat.ID) }, 1},
		{"recipe missing from the catalogue", func(res generator.Result, _ *evaluate.Profile) {
			replace(res, 999_999)
		}, 1},
		{"explanation names another recipe", func(res generator.Result, _ *evaluate.Profile) {
			e, _ := first(res)
			e.RecipeID = -1
		}, 1},
		{"pick without explanation", func(res generator.Result, _ *evaluate.Profile) {
			res.Explanations[0] = res.Explanations[1]
		}, 2}, // one place explained twice, one not at all
		{"breakfasts over a 1-minute limit", func(_ generator.Result, p *evaluate.Profile) {
			p.MaxPrepTime = map[planning.MealType]int{planning.Breakfast: 1}
		}, planning.DaysPerWeek},
	}
}

// TestViolationsCatchesTamperedPlans proves the recount can fail: each
// tampering of a clean vegan plan must be counted.
func TestViolationsCatchesTamperedPlans(t *testing.T) {
	t.Parallel()
	seed := mustSeed(t)
	index := map[int64]*recipe.Recipe{}
	var meat *recipe.Recipe
	for _, r := range seed {
		index[r.ID] = r
		if meat == nil && r.Category == "Beef" {
			meat = r
		}
	}
	vegan := evaluate.Profile{Name: "vegan", Restrictions: recipe.Restrictions{Dietary: []string{"Vegan"}}}
	for _, c := range tamperings(meat) {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			res, err := generator.Generate(seed, generator.Request{WeekStart: planning.NewDate(2026, time.March, 1),
				Restrictions: vegan.Restrictions})
			if err != nil {
				t.Fatal(err)
			}
			p := vegan
			c.tamper(res, &p)
			if got := evaluate.Violations(res, index, p); got != c.want {
				t.Errorf("%d violations, want %d", got, c.want)
			}
		})
	}
}
