package generator_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
)

var (
	now  = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	week = planning.NewDate(2026, time.March, 1) // a Sunday
)

var seedOnce = sync.OnceValues(func() ([]*recipe.Recipe, error) {
	files, err := filepath.Glob("../../../testdata/recipes/*.json")
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
			r, err := recipe.New(w, table, now)
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

// feasibleCatalogue has, for each meal type, 30 recipes whose energy spans
// 60–140 % of the meal's share of 2000 kcal and whose macros sit near
// 20/50/30, so every target of 2000 kcal can clearly be met. Every recipe is
// vegetarian; the even ones are vegan too, and every third takes 45
// minutes to prepare.
func feasibleCatalogue() []*recipe.Recipe {
	cats := []struct {
		category string
		kcal     float64
	}{{"Breakfast", 500}, {"Pasta", 700}, {"Vegetarian", 700}, {"Side", 200}}
	var out []*recipe.Recipe
	id := int64(1)
	for _, c := range cats {
		for i := range 30 {
			kcal := c.kcal * (0.6 + 0.8*float64(i)/29)
			tilt := float64(i%5-2) * 0.02 // shifts a little energy between protein and fat
			r := &recipe.Recipe{ID: id, Name: fmt.Sprintf("%s %d", c.category, i), Category: c.category,
				PrepTime: 10, DietaryTags: []string{"Vegetarian"},
				Nutrition: recipe.Nutrients{Calories: kcal, Protein: kcal * (0.20 + tilt) / 4,
					Carbohydrate: kcal * 0.50 / 4, Fat: kcal * (0.30 - tilt) / 9}}
			if i%2 == 0 {
				r.DietaryTags = append(r.DietaryTags, "Vegan")
			}
			if i%3 == 0 {
				r.PrepTime = 45
			}
			out = append(out, r)
			id++
		}
	}
	return out
}

// byID indexes recipes by id.
func byID(rs []*recipe.Recipe) map[int64]*recipe.Recipe {
	out := make(map[int64]*recipe.Recipe, len(rs))
	for _, r := range rs {
		out[r.ID] = r
	}
	return out
}
