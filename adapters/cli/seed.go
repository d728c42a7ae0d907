package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain/recipe"
)

// seed loads the seed recipes (or synthetic ones) into the catalogue.
func seed(ctx context.Context, env Env, args []string, cfg Config, logger *slog.Logger, assemble Assembler) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	dir := fs.String("dir", cfg.SeedDir, "folder of recipe JSON files")
	synthetic := fs.Int("synthetic", 0, "generate this many synthetic recipes from the seed vocabulary instead")
	rngSeed := fs.Uint64("seed", 1, "random seed of the synthetic generator")
	if err := fs.Parse(args); err != nil {
		return err
	}
	written, err := ReadRecipes(*dir)
	if err != nil {
		return err
	}
	if *synthetic > 0 {
		written = synthesise(written, *synthetic, *rngSeed)
	}
	a, cleanup, err := assemble(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer cleanup()
	if _, err := a.Migrate(ctx); err != nil {
		return err
	}
	start := time.Now()
	report, err := a.Catalogue.Seed(ctx, written)
	if err != nil {
		return err
	}
	printReport(env.Stdout, report, time.Since(start))
	return nil
}

// synthesise makes n recipes after the seed ones, numbered after them.
func synthesise(templates []recipe.Recipe, n int, rngSeed uint64) []recipe.Recipe {
	ptrs := make([]*recipe.Recipe, len(templates))
	for i := range templates {
		ptrs[i] = &templates[i]
	}
	made := synthesizeAfter(ptrs, n, rngSeed)
	out := make([]recipe.Recipe, len(made))
	for i, r := range made {
		out[i] = *r
	}
	return out
}

// synthesizeAfter makes n recipes from the templates, numbered after the
// largest template id.
func synthesizeAfter(templates []*recipe.Recipe, n int, rngSeed uint64) []*recipe.Recipe {
	var maxID int64
	for _, r := range templates {
		maxID = max(maxID, r.ID)
	}
	return recipe.Synthesize(rngSeed, templates, n, maxID+1)
}

// ReadRecipes reads every *.json file of dir, each an array of recipes.
func ReadRecipes(dir string) ([]recipe.Recipe, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no recipe files (*.json) in %s", dir)
	}
	sort.Strings(files)
	var all []recipe.Recipe
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var rs []recipe.Recipe
		if err := json.Unmarshal(b, &rs); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		all = append(all, rs...)
	}
	return all, nil
}

func printReport(w io.Writer, r app.SeedReport, took time.Duration) {
	share := 0.0
	if r.Lines > 0 {
		share = 100 * float64(r.CountedLines) / float64(r.Lines)
	}
	fmt.Fprintf(w, "seeded %d recipes in %s\n", r.Recipes, took.Round(time.Millisecond))
	fmt.Fprintf(w, "ingredient lines counted for nutrition: %d of %d (%.1f %%)\n", r.CountedLines, r.Lines, share)
	if len(r.Unmatched) == 0 {
		return
	}
	names := make([]string, 0, len(r.Unmatched))
	for n := range r.Unmatched {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		return r.Unmatched[names[i]] > r.Unmatched[names[j]] || r.Unmatched[names[i]] == r.Unmatched[names[j]] && names[i] < names[j]
	})
	fmt.Fprintf(w, "ingredients no food matched (%d):", len(names))
	for i, n := range names {
		if i == 15 {
			fmt.Fprintf(w, " …")
			break
		}
		fmt.Fprintf(w, " %s (%d);", n, r.Unmatched[n])
	}
	fmt.Fprintln(w)
}
