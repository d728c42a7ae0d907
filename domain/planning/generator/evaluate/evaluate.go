// Package evaluate measures the plan generator: it plans a week for many
// synthetic profiles over one or more catalogues and re-checks every plan
// from the catalogue itself, not from the generator's own report, counting
// hard-constraint violations and measuring energy, macros, repeats and time.
package evaluate

import (
	"time"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/planning/generator"
	"github.com/mealplanner/backend/domain/recipe"
)

// Catalogue is a named set of recipes to plan from.
type Catalogue struct {
	Name    string
	Recipes []*recipe.Recipe
}

// Config sets up a run. Zero values take defaults: Profiles(), the week of
// 2026-03-01, seed 1, and no timing.
type Config struct {
	Profiles  []Profile
	WeekStart planning.Date
	Seed      uint64
	// Now reads the clock around each generation; nil leaves times at zero,
	// since the package itself has no clock.
	Now func() time.Time
}

// Row is one profile planned from one catalogue.
type Row struct {
	Catalogue string
	Profile   string
	// Violations counts planned slots that break the profile's
	// restrictions or preparation limit, name a recipe missing from the
	// catalogue, or disagree with the generator's explanations.
	Violations int
	// Energy deviations in percent of the daily target; Macro is the
	// largest macro-share deviation in percentage points.
	MeanDaily  float64
	WorstDaily float64
	WeekEnergy float64
	Macro      float64
	// DaysOff counts days more than DayTolerance from the energy target.
	DaysOff int
	Repeats int
	Gaps    int
	Took    time.Duration
	// Err is the generator's error, if it refused the request.
	Err string
}

// The requirement's tolerances, which the summary counts against.
const (
	DayTolerance   = 10.0 // percent of the daily energy target
	WeekTolerance  = 5.0  // percent, the week's daily average
	MacroTolerance = 5.0  // percentage points of macronutrient energy
)

// Result holds every row, catalogue by catalogue in the order given.
type Result struct {
	Rows []Row
}

// defaultWeek is a Sunday, so that runs are reproducible.
var defaultWeek = planning.NewDate(2026, time.March, 1)

// Run plans a week for every profile from every catalogue and checks each.
func Run(catalogues []Catalogue, cfg Config) Result {
	if cfg.Profiles == nil {
		cfg.Profiles = Profiles()
	}
	if cfg.WeekStart.Equal(planning.Date{}) {
		cfg.WeekStart = defaultWeek
	}
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.Now == nil {
		cfg.Now = func() time.Time { return time.Time{} }
	}
	var res Result
	for _, c := range catalogues {
		index := make(map[int64]*recipe.Recipe, len(c.Recipes))
		for _, r := range c.Recipes {
			index[r.ID] = r
		}
		for _, p := range cfg.Profiles {
			res.Rows = append(res.Rows, runOne(c, index, p, cfg))
		}
	}
	return res
}

// runOne plans one week and checks it.
func runOne(c Catalogue, index map[int64]*recipe.Recipe, p Profile, cfg Config) Row {
	row := Row{Catalogue: c.Name, Profile: p.Name}
	start := cfg.Now()
	out, err := generator.Generate(c.Recipes, generator.Request{WeekStart: cfg.WeekStart, MealTypes: p.MealTypes,
		Targets: p.Targets, Restrictions: p.Restrictions, MaxPrepTime: p.MaxPrepTime, Seed: cfg.Seed, Now: start})
	row.Took = cfg.Now().Sub(start)
	if err != nil {
		row.Err = err.Error()
		return row
	}
	row.Violations = violations(out, index, p)
	row.Gaps = len(out.Gaps)
	measure(&row, out.Plan, index, out.Targets)
	return row
}
