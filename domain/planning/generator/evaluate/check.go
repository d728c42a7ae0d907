package evaluate

import (
	"math"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/planning/generator"
	"github.com/mealplanner/backend/domain/recipe"
)

// place is a slot's position in a plan.
type place struct {
	date planning.Date
	meal planning.MealType
}

// violations re-checks every slot of the generated plan against the
// catalogue and the profile, and the explanations against the plan: each
// slot must be explained once, by its own recipe. The plan was generated
// from nothing, so every slot is a pick.
func violations(out generator.Result, index map[int64]*recipe.Recipe, p Profile) int {
	explained := map[place]int64{}
	n := 0
	for _, e := range out.Explanations {
		k := place{e.Date, e.MealType}
		if _, twice := explained[k]; twice {
			n++
		}
		explained[k] = e.RecipeID
	}
	for _, date := range out.Plan.Dates() {
		for _, meal := range planning.MealTypes() {
			s, ok := out.Plan.Get(date, meal)
			if !ok {
				continue
			}
			if id, ok := explained[place{date, meal}]; !ok || id != s.RecipeID {
				n++
			}
			if breaks(index[s.RecipeID], meal, p) {
				n++
			}
		}
	}
	return n
}

// breaks reports whether r may not fill a slot of meal for profile p: it is
// missing, refused by the restrictions, or too long to prepare.
func breaks(r *recipe.Recipe, meal planning.MealType, p Profile) bool {
	if r == nil || !p.Restrictions.Allows(r) {
		return true
	}
	limit := p.MaxPrepTime[meal]
	return limit > 0 && r.PrepTime > limit
}

// measure fills the row's energy, macro and repeat figures from the plan
// and the catalogue's own nutrition.
func measure(row *Row, plan *planning.Plan, index map[int64]*recipe.Recipe, t generator.Targets) {
	days := generator.DailyTotals(plan, index, t)
	dev := generator.Measure(days, t)
	row.MeanDaily, row.WorstDaily, row.WeekEnergy, row.Macro = dev.MeanDailyEnergy, dev.WorstDailyEnergy,
		dev.WeekEnergy, dev.Macro
	for _, d := range days {
		if math.Abs(d.EnergyDeviation) > DayTolerance {
			row.DaysOff++
		}
	}
	row.Repeats = generator.Repeats(plan)
}
