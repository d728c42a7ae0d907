package shopping

import (
	"math/rand/v2"
	"testing"

	"github.com/mealplanner/backend/domain/measure"
)

// BenchmarkConsolidateWeek consolidates 28 slots of about 9 lines each (~250
// lines); the budget is 1 ms.
func BenchmarkConsolidateWeek(b *testing.B) {
	table := mustTable(b)
	r := rand.New(rand.NewPCG(7, 8))
	plan := make([]PlannedRecipe, 28)
	lines := 0
	for i := range plan {
		plan[i] = PlannedRecipe{RecipeID: int64(i), RecipeName: "r", Servings: 4, RecipeServings: 2}
		for range 9 {
			plan[i].Ingredients = append(plan[i].Ingredients, realisticLines[r.IntN(len(realisticLines))])
			lines++
		}
	}
	b.ReportMetric(float64(lines), "lines")
	for b.Loop() {
		Consolidate(plan, table, measure.Metric)
	}
}
