package evaluate_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/recipe"
)

var loaded = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)

var seedOnce = sync.OnceValues(func() ([]*recipe.Recipe, error) {
	files, err := filepath.Glob("../../../../testdata/recipes/*.json")
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no seed recipes: %v", err)
	}
	table, err := food.Load()
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
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		for _, w := range written {
			r, err := recipe.New(w, table, loaded)
			if err != nil {
				return nil, fmt.Errorf("%s: recipe %d: %w", f, w.ID, err)
			}
			out = append(out, r)
		}
	}
	return out, nil
})

// mustSeed returns the 200 seed recipes, analysed; callers must not modify them.
func mustSeed(tb testing.TB) []*recipe.Recipe {
	tb.Helper()
	rs, err := seedOnce()
	if err != nil {
		tb.Fatal(err)
	}
	return rs
}

var bigOnce sync.Once
var big []*recipe.Recipe

// mustBig returns 100 000 synthetic recipes made from the seed catalogue.
func mustBig(tb testing.TB) []*recipe.Recipe {
	tb.Helper()
	seed := mustSeed(tb)
	bigOnce.Do(func() { big = recipe.Synthesize(1, seed, 100_000, 100_000) })
	return big
}
