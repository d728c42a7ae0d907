package shopping

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/measure"
)

// goldenWeek is one hand-checked fixture in testdata/golden/shopping.
type goldenWeek struct {
	System  string   `json:"system"`
	Why     []string `json:"why"`
	Planned []struct {
		RecipeID       int64  `json:"recipeId"`
		RecipeName     string `json:"recipeName"`
		Servings       int    `json:"servings"`
		RecipeServings int    `json:"recipeServings"`
		Ingredients    []struct {
			Name    string `json:"name"`
			Measure string `json:"measure"`
		} `json:"ingredients"`
	} `json:"planned"`
	Expected []goldenItem `json:"expected"`
}

type goldenItem struct {
	Name      string  `json:"name"`
	Quantity  string  `json:"quantity"`
	Unit      string  `json:"unit"`
	Section   string  `json:"section"`
	RecipeIDs []int64 `json:"recipeIds"`
}

var loadTable = sync.OnceValues(food.Load)

func mustTable(tb testing.TB) *food.Table {
	tb.Helper()
	t, err := loadTable()
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

func TestGoldenWeeks(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("../../testdata/golden/shopping/*.json")
	if err != nil || len(files) < 12 {
		t.Fatalf("want at least 12 golden weeks, got %d (%v)", len(files), err)
	}
	table := mustTable(t)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			w := mustGolden(t, file)
			got := Consolidate(w.planned(), table, w.system())
			var gotItems []goldenItem
			for _, it := range got {
				gotItems = append(gotItems, goldenItem{it.Name, it.Quantity, it.Unit, it.Section, it.RecipeIDs})
			}
			if !slices.EqualFunc(gotItems, w.Expected, equalGolden) {
				t.Errorf("items differ\n got: %+v\nwant: %+v\nwhy: %q", gotItems, w.Expected, w.Why)
			}
		})
	}
}

func equalGolden(a, b goldenItem) bool {
	return a.Name == b.Name && a.Quantity == b.Quantity && a.Unit == b.Unit &&
		a.Section == b.Section && slices.Equal(a.RecipeIDs, b.RecipeIDs)
}

func mustGolden(tb testing.TB, file string) goldenWeek {
	tb.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	var w goldenWeek
	if err := json.Unmarshal(data, &w); err != nil {
		tb.Fatal(err)
	}
	if len(w.Why) == 0 {
		tb.Fatalf("%s: a golden week must say why", file)
	}
	return w
}

func (w goldenWeek) system() measure.System {
	if w.System == "us" {
		return measure.US
	}
	return measure.Metric
}

func (w goldenWeek) planned() []PlannedRecipe {
	var out []PlannedRecipe
	for _, p := range w.Planned {
		pr := PlannedRecipe{RecipeID: p.RecipeID, RecipeName: p.RecipeName, Servings: p.Servings, RecipeServings: p.RecipeServings}
		for _, l := range p.Ingredients {
			pr.Ingredients = append(pr.Ingredients, Line{Name: l.Name, Measure: l.Measure})
		}
		out = append(out, pr)
	}
	return out
}
