package nutrition_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/nutrition"
)

type seedRecipe struct {
	ID          int64
	Name        string
	Servings    int
	Ingredients []nutrition.Ingredient
}

func loadSeed(t testing.TB) []seedRecipe {
	t.Helper()
	files, err := filepath.Glob("../../testdata/recipes/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed recipes: %v", err)
	}
	var all []seedRecipe
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var rs []seedRecipe
		if err := json.Unmarshal(b, &rs); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		all = append(all, rs...)
	}
	return all
}

// TestSeedCoverage holds the seed data to the bar: at least 90 % of
// all ingredient lines match a food and are counted.
func TestSeedCoverage(t *testing.T) {
	table, err := food.Load()
	if err != nil {
		t.Fatal(err)
	}
	var lines, counted int
	misses := map[string]int{}
	for _, r := range loadSeed(t) {
		n := nutrition.ForRecipe(r.Ingredients, r.Servings, table)
		lines += len(n.Lines)
		counted += n.Counted
		for _, l := range n.Lines {
			if !l.Counted && l.Reason != nutrition.Unmeasurable {
				misses[string(l.Reason)+": "+l.Name+" | "+l.Measure]++
			}
		}
	}
	share := float64(counted) / float64(lines)
	t.Logf("counted %d of %d lines (%.1f %%)", counted, lines, 100*share)
	if share < 0.90 || os.Getenv("SHOW_MISSES") != "" {
		keys := make([]string, 0, len(misses))
		for k := range misses {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t.Log(k)
		}
		t.Errorf("coverage %.1f %% is below 90 %%", 100*share)
	}
}
