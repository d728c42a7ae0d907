package evaluate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/recipe"
)

var (
	seedOnce    sync.Once
	seedRecipes []*recipe.Recipe
	seedErr     error
)

// mustSeed returns the 200 analysed seed recipes, shared by every test:
// they must not be changed.
func mustSeed(tb testing.TB) []*recipe.Recipe {
	tb.Helper()
	seedOnce.Do(func() { seedRecipes, seedErr = loadSeed("../../../testdata/recipes") })
	if seedErr != nil {
		tb.Fatalf("loading the seed catalogue: %v", seedErr)
	}
	return seedRecipes
}

func loadSeed(dir string) ([]*recipe.Recipe, error) {
	table, err := food.Load()
	if err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	var out []*recipe.Recipe
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var written []recipe.Recipe
		if err := json.Unmarshal(b, &written); err != nil {
			return nil, err
		}
		for _, w := range written {
			r, err := recipe.New(w, table, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
			if err != nil {
				return nil, err
			}
			r.ID = w.ID
			out = append(out, r)
		}
	}
	return out, nil
}

var (
	runOnce   sync.Once
	seedOneRR Result
)

// mustRun is Run over the seed catalogue with seed 1, computed once.
func mustRun(tb testing.TB) Result {
	tb.Helper()
	rs := mustSeed(tb)
	runOnce.Do(func() { seedOneRR = Run(rs, Config{Seed: 1}) })
	return seedOneRR
}
