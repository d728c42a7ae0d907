package cli

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/mealplanner/backend/domain/food"
	plans "github.com/mealplanner/backend/domain/planning/generator/evaluate"
	"github.com/mealplanner/backend/domain/recipe"
	suggestions "github.com/mealplanner/backend/domain/recommend/evaluate"
)

const evalUsage = "usage: mealplanner eval recommend|plans [flags] (-h for the flags)"

// planBudget is the most the median week may take to generate on the
// synthetic catalogue.
const planBudget = 500 * time.Millisecond

// seedLoaded stamps the seed recipes, so that two runs analyse them alike.
var seedLoaded = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// eval runs an offline evaluation on the seed files. It assembles nothing:
// it must work from a fresh clone with no database or cache running.
func eval(env Env, args []string, cfg Config, logger *slog.Logger) error {
	if len(args) == 0 {
		return &usageError{evalUsage}
	}
	switch args[0] {
	case "recommend":
		return evalRecommend(env, args[1:], cfg.SeedDir, logger)
	case "plans":
		return evalPlans(env, args[1:], cfg.SeedDir, logger)
	}
	return &usageError{fmt.Sprintf("unknown eval command %q\n%s", args[0], evalUsage)}
}

type recommendFlags struct {
	users   int
	seed    uint64
	holdOut float64
	k       int
	dir     string
}

// evalRecommend scores the hybrid recommender against popularity on
// simulated people and fails when it misses the target lift.
func evalRecommend(env Env, args []string, seedDir string, logger *slog.Logger) error {
	fs := newEvalFlags("eval recommend", env)
	var f recommendFlags
	fs.IntVar(&f.users, "users", suggestions.MinUsers, "people to simulate (at least 500)")
	fs.Uint64Var(&f.seed, "seed", 1, "random seed of the simulation")
	fs.Float64Var(&f.holdOut, "holdout", suggestions.DefaultHoldOut, "share of each person's latest interactions hidden")
	fs.IntVar(&f.k, "k", suggestions.DefaultK, "length of each suggestion list judged")
	fs.StringVar(&f.dir, "dir", seedDir, "folder of seed recipe JSON files")
	if err := parseEvalFlags(fs, args); err != nil {
		return err
	}
	if err := f.validate(); err != nil {
		return err
	}
	if f.users < suggestions.MinUsers {
		fmt.Fprintf(env.Stderr, "eval recommend: --users %d raised to the minimum %d\n", f.users, suggestions.MinUsers)
	}
	catalogue, err := loadSeed(f.dir)
	if err != nil {
		return err
	}
	start := time.Now()
	res := suggestions.Run(catalogue, suggestions.Config{Users: f.users, Seed: f.seed, HoldOut: f.holdOut, K: f.k})
	logger.Info("recommender evaluated", "users", res.Config.Users, "recipes", res.Recipes,
		"took", time.Since(start).Round(time.Millisecond).String())
	if err := res.Write(env.Stdout); err != nil {
		return err
	}
	return judgeLift(env, res)
}

// judgeLift prints the lift line and fails when the hybrid misses the target.
func judgeLift(env Env, res suggestions.Result) error {
	fmt.Fprintf(env.Stdout, "hybrid/popularity HitRate@%d lift: %.2fx (target >= %.1fx)\n",
		res.Config.K, res.Lift(), suggestions.TargetLift)
	if res.Lift() < suggestions.TargetLift {
		return fmt.Errorf("hybrid recommender does not beat popularity by %.1fx", suggestions.TargetLift)
	}
	return nil
}

func (f recommendFlags) validate() error {
	switch {
	case f.users < 0:
		return &usageError{"eval recommend: --users must not be negative"}
	case f.holdOut <= 0 || f.holdOut >= 1:
		return &usageError{"eval recommend: --holdout must be strictly between 0 and 1"}
	case f.k < 1:
		return &usageError{"eval recommend: --k must be at least 1"}
	}
	return nil
}

type planFlags struct {
	seed      uint64
	synthetic int
	dir       string
	profiles  int
}

// evalPlans plans a week for every profile over the seed catalogue and a
// synthetic one, and fails on any violation, refusal or a slow median week.
func evalPlans(env Env, args []string, seedDir string, logger *slog.Logger) error {
	fs := newEvalFlags("eval plans", env)
	var f planFlags
	fs.Uint64Var(&f.seed, "seed", 1, "random seed of the generator and the synthetic catalogue")
	fs.IntVar(&f.synthetic, "synthetic", 100_000, "size of the synthetic catalogue (0 skips it)")
	fs.StringVar(&f.dir, "dir", seedDir, "folder of seed recipe JSON files")
	fs.IntVar(&f.profiles, "profiles", 0, "plan for the first N profiles only (0 = all)")
	if err := parseEvalFlags(fs, args); err != nil {
		return err
	}
	if f.synthetic < 0 || f.profiles < 0 {
		return &usageError{"eval plans: --synthetic and --profiles must not be negative"}
	}
	seed, err := loadSeed(f.dir)
	if err != nil {
		return err
	}
	catalogues := []plans.Catalogue{{Name: "seed", Recipes: seed}}
	if f.synthetic > 0 {
		catalogues = append(catalogues, synthetic(seed, f.synthetic, f.seed, logger))
	}
	profiles := plans.Profiles()
	if f.profiles > 0 && f.profiles < len(profiles) {
		profiles = profiles[:f.profiles]
	}
	start := time.Now()
	res := plans.Run(catalogues, plans.Config{Profiles: profiles, Seed: f.seed, Now: time.Now})
	logger.Info("plans evaluated", "profiles", len(profiles), "catalogues", len(catalogues),
		"took", time.Since(start).Round(time.Millisecond).String())
	if err := res.Write(env.Stdout); err != nil {
		return err
	}
	return judgePlans(env, res.Summaries())
}

// synthetic makes the scale catalogue from the seed recipes, numbered after them.
func synthetic(seed []*recipe.Recipe, n int, rngSeed uint64, logger *slog.Logger) plans.Catalogue {
	start := time.Now()
	made := synthesizeAfter(seed, n, rngSeed)
	logger.Info("synthetic catalogue made", "recipes", len(made),
		"took", time.Since(start).Round(time.Millisecond).String())
	return plans.Catalogue{Name: fmt.Sprintf("synthetic-%d", n), Recipes: made}
}

// judgePlans prints one verdict line and returns every failed requirement.
// The time budget applies to the synthetic catalogues only: the seed one is
// too small to say anything about scale.
func judgePlans(env Env, summaries []plans.Summary) error {
	var errs []error
	violations, refused := 0, 0
	for _, s := range summaries {
		violations += s.Violations
		refused += s.Errors
		if s.Catalogue != "seed" && s.MedianTook > planBudget {
			errs = append(errs, fmt.Errorf("median time per week on %s is %s, over the %s budget",
				s.Catalogue, s.MedianTook.Round(time.Millisecond), planBudget))
		}
	}
	if violations > 0 {
		errs = append(errs, fmt.Errorf("%d constraint violation(s) in the generated plans", violations))
	}
	// A refused profile has no plan to violate anything; it must not pass silently.
	if refused > 0 {
		errs = append(errs, fmt.Errorf("the generator refused %d profile(s)", refused))
	}
	verdict := "pass"
	if len(errs) > 0 {
		verdict = "FAIL"
	}
	fmt.Fprintf(env.Stdout, "plans: %d violation(s), %d refusal(s), synthetic median week budget %d ms: %s\n",
		violations, refused, planBudget.Milliseconds(), verdict)
	return errors.Join(errs...)
}

// loadSeed reads the seed recipe files and analyses them the way `seed`
// stores them, ids kept, so that nutrition comes from the food table.
func loadSeed(dir string) ([]*recipe.Recipe, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("seed recipe folder %s not found (run from the repository root or pass --dir)", dir)
	}
	written, err := ReadRecipes(dir)
	if err != nil {
		return nil, err
	}
	table, err := food.Load()
	if err != nil {
		return nil, err
	}
	out := make([]*recipe.Recipe, 0, len(written))
	for _, w := range written {
		r, err := recipe.New(w, table, seedLoaded)
		if err != nil {
			return nil, fmt.Errorf("%s: recipe %d (%s): %w", dir, w.ID, w.Name, err)
		}
		r.ID = w.ID
		out = append(out, r)
	}
	return out, nil
}

func newEvalFlags(name string, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

// parseEvalFlags turns a bad flag into a usage error (exit 2); the flag
// package has already printed the problem and the flags.
func parseEvalFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	switch {
	case err == nil && fs.NArg() > 0:
		return &usageError{fmt.Sprintf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))}
	case err == nil, errors.Is(err, flag.ErrHelp):
		return err
	}
	return &usageError{fs.Name() + ": " + err.Error()}
}
