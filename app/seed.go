package app

import (
	"context"
	"strconv"

	"github.com/mealplanner/backend/domain/nutrition"
	"github.com/mealplanner/backend/domain/recipe"
)

// SeedReport says what a seed run loaded and how much of it the food table understood.
type SeedReport struct {
	Recipes      int
	Lines        int
	CountedLines int
	Unmatched    map[string]int // ingredient names no food matched, with how often
}

// Seed validates, analyses and stores recipes; running it twice changes
// nothing. It is the batch path: no caller, no activity log.
func (c *Catalogue) Seed(ctx context.Context, written []recipe.Recipe) (SeedReport, error) {
	report := SeedReport{Unmatched: map[string]int{}}
	batch := make([]*recipe.Recipe, 0, len(written))
	for _, w := range written {
		r, err := recipe.New(w, c.foods, c.Clock.Now())
		if err != nil {
			return report, seedError(w, err)
		}
		r.ID = w.ID
		c.account(&report, r)
		batch = append(batch, r)
	}
	if err := c.Recipes.SaveMany(ctx, batch); err != nil {
		return report, err
	}
	report.Recipes = len(batch)
	c.cache.bump(ctx)
	return report, nil
}

func (c *Catalogue) account(report *SeedReport, r *recipe.Recipe) {
	lines := make([]nutrition.Ingredient, len(r.Ingredients))
	for i, in := range r.Ingredients {
		lines[i] = nutrition.Ingredient{Name: in.Name, Measure: in.Measure}
	}
	n := nutrition.ForRecipe(lines, r.Servings, c.foods)
	report.Lines += len(n.Lines)
	report.CountedLines += n.Counted
	for _, l := range n.Lines {
		if l.Reason == nutrition.NoMatch {
			report.Unmatched[l.Name]++
		}
	}
}

type seedErr struct {
	id   int64
	name string
	err  error
}

func (e seedErr) Error() string {
	return "recipe " + strconv.FormatInt(e.id, 10) + " (" + e.name + "): " + e.err.Error()
}

func (e seedErr) Unwrap() error { return e.err }

func seedError(r recipe.Recipe, err error) error { return seedErr{r.ID, r.Name, err} }

// IsEmpty reports whether the catalogue holds no live recipe, so that a
// first start knows to seed it.
func (c *Catalogue) IsEmpty(ctx context.Context) (bool, error) {
	_, total, err := c.Recipes.Search(ctx, recipe.Criteria{Sort: recipe.SortRelevance, Limit: 1})
	return total == 0, err
}
