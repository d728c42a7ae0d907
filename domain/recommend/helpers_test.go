package recommend_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/recommend"
	"github.com/mealplanner/backend/domain/user"
)

var (
	seedOnce    sync.Once
	seedRecipes []*recipe.Recipe
	seedErr     error
)

// mustSeed returns the 200 seed recipes, analysed, shared by every test:
// they must not be changed.
func mustSeed(tb testing.TB) []*recipe.Recipe {
	tb.Helper()
	seedOnce.Do(func() { seedRecipes, seedErr = loadSeed("../../testdata/recipes") })
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
	indexOnce sync.Once
	seedIndex *recommend.Index
)

func mustIndex(tb testing.TB) *recommend.Index {
	tb.Helper()
	rs := mustSeed(tb)
	indexOnce.Do(func() { seedIndex = recommend.NewIndex(rs) })
	return seedIndex
}

// today is the date the tests ask on.
var today = planning.NewDate(2025, time.March, 12)

func prefs(edit func(*user.Preferences)) user.Preferences {
	p := user.DefaultPreferences()
	if edit != nil {
		edit(&p)
	}
	return p
}

func ids(list []recommend.Suggestion) []int64 {
	out := make([]int64, len(list))
	for i, s := range list {
		out[i] = s.RecipeID
	}
	return out
}
