package nutrition_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/nutrition"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current output")

// goldenIDs are seed recipes across categories whose nutrition is pinned.
var goldenIDs = []int64{1001, 1017, 1032, 1049, 1065, 1073, 1101, 1135, 1150, 1175}

type goldenLine struct {
	Name, Measure string
	Counted       bool
	Food          string  `json:",omitempty"`
	Grams         float64 `json:",omitempty"`
	Calories      float64 `json:",omitempty"`
	Reason        string  `json:",omitempty"`
}

type golden struct {
	ID         int64
	Name       string
	Servings   int
	PerServing food.Nutrients
	Totals     food.Nutrients
	Counted    int
	Incomplete []string
	Lines      []goldenLine
}

// TestGoldenRecipeNutrition pins the nutrition of ten seed recipes, line by
// line, so that a change to the parser, the matcher or the food table shows
// up as a reviewable diff. Run with -update to accept a deliberate change.
func TestGoldenRecipeNutrition(t *testing.T) {
	table, err := food.Load()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]seedRecipe{}
	for _, r := range loadSeed(t) {
		byID[r.ID] = r
	}
	for _, id := range goldenIDs {
		r, ok := byID[id]
		if !ok {
			t.Fatalf("seed recipe %d is missing", id)
		}
		got := toGolden(r, nutrition.ForRecipe(r.Ingredients, r.Servings, table))
		path := filepath.Join("../../testdata/golden/nutrition", fmt.Sprintf("%d.json", id))
		compareGolden(t, path, got)
	}
}

func toGolden(r seedRecipe, n nutrition.RecipeNutrition) golden {
	g := golden{ID: r.ID, Name: r.Name, Servings: n.Servings, PerServing: nutrition.Round(n.PerServing),
		Totals: nutrition.Round(n.Totals), Counted: n.Counted, Incomplete: n.Incomplete}
	for _, l := range n.Lines {
		gl := goldenLine{Name: l.Name, Measure: l.Measure, Counted: l.Counted, Reason: string(l.Reason)}
		if l.Counted {
			gl.Food, gl.Grams, gl.Calories = l.Food.Key, round1(l.Grams), round1(l.Nutrients.Calories)
		}
		g.Lines = append(g.Lines, gl)
	}
	return g
}

func round1(x float64) float64 { return float64(int64(x*10+0.5)) / 10 }

func compareGolden(t *testing.T, path string, got golden) {
	t.Helper()
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if string(want) != string(b) {
		t.Errorf("%s differs from the computed nutrition:\n%s", path, b)
	}
}

func BenchmarkForRecipe(b *testing.B) {
	table, err := food.Load()
	if err != nil {
		b.Fatal(err)
	}
	seed := loadSeed(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		r := seed[i%len(seed)]
		nutrition.ForRecipe(r.Ingredients, r.Servings, table)
	}
}
