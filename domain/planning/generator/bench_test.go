package generator_test

import (
	"testing"

	"github.com/mealplanner/backend/domain/planning/generator"
	"github.com/mealplanner/backend/domain/recipe"
)

// benchProfiles are a plain, a restrictive and a text-matching request: the
// last makes Allows match free text against every ingredient line.
var benchProfiles = []struct {
	name string
	req  generator.Request
}{
	{"plain", generator.Request{Targets: generator.Targets{Calories: 2000}}},
	{"vegan", generator.Request{Targets: generator.Targets{Calories: 2000},
		Restrictions: recipe.Restrictions{Dietary: []string{"Vegan"}}}},
	{"nuts+dislikes", generator.Request{Targets: generator.Targets{Calories: 2500},
		Restrictions: recipe.Restrictions{Allergies: []string{"Peanuts", "Tree Nuts", "nuts"},
			Dislikes: []string{"mushroom", "olive"}}}},
}

func benchGenerate(b *testing.B, catalogue []*recipe.Recipe) {
	for _, p := range benchProfiles {
		b.Run(p.name, func(b *testing.B) {
			req := p.req
			req.WeekStart, req.Now = week, now
			for b.Loop() {
				req.Seed++
				if _, err := generator.Generate(catalogue, req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGenerate100k plans a week from 100 000 synthetic recipes; the
// budget is 500 ms per week.
func BenchmarkGenerate100k(b *testing.B) { benchGenerate(b, mustBig(b)) }

// BenchmarkGenerateSeed plans a week from the 200 seed recipes.
func BenchmarkGenerateSeed(b *testing.B) { benchGenerate(b, mustSeed(b)) }
