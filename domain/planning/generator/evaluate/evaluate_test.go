package evaluate_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/planning/generator"
	"github.com/mealplanner/backend/domain/planning/generator/evaluate"
)

// tick is a fake clock that advances by step on every reading.
func tick(step time.Duration) func() time.Time {
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(step)
		return t
	}
}

// complete reports whether targets name every goal, at a realistic energy.
func complete(t generator.Targets) bool {
	return t.Calories >= 1600 && t.Protein > 0 && t.Carbohydrate > 0 && t.Fat > 0
}

func TestProfiles(t *testing.T) {
	t.Parallel()
	profiles := evaluate.Profiles()
	if len(profiles) < 50 {
		t.Fatalf("%d profiles, want at least 50", len(profiles))
	}
	names := map[string]bool{}
	for _, p := range profiles {
		if names[p.Name] {
			t.Errorf("profile %q twice", p.Name)
		}
		names[p.Name] = true
		if !complete(p.Targets) {
			t.Errorf("%s: incomplete targets %+v", p.Name, p.Targets)
		}
	}
	for _, want := range []string{"vegan 2000", "coeliac 1600", "nut allergy 2000", "keto 2500",
		"high protein 3000", "quick vegetarian 2000", "3 meals vegan 2000"} {
		if !names[want] {
			t.Errorf("no profile %q", want)
		}
	}
}

// TestRunOnTheSeedCatalogue runs every profile over the 200 seed recipes:
// no violation anywhere, every profile planned, and the clock read around
// each generation only.
func TestRunOnTheSeedCatalogue(t *testing.T) {
	t.Parallel()
	res := evaluate.Run([]evaluate.Catalogue{{Name: "seed", Recipes: mustSeed(t)}},
		evaluate.Config{Now: tick(3 * time.Millisecond)})
	if len(res.Rows) != len(evaluate.Profiles()) {
		t.Fatalf("%d rows, want one per profile", len(res.Rows))
	}
	for _, row := range res.Rows {
		if row.Err != "" || row.Violations != 0 || row.Took != 3*time.Millisecond {
			t.Errorf("%s: err %q, %d violations, took %s", row.Profile, row.Err, row.Violations, row.Took)
		}
	}
	s := res.Summaries()[0]
	// The seed catalogue is small but plain profiles are easy: at least
	// nine days in ten within ±10 %.
	if s.Violations != 0 || s.DaysOff*10 > s.Days {
		t.Errorf("summary %+v", s)
	}
	var out bytes.Buffer
	if err := res.Write(&out); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", out.String())
}

// TestRunOn100kRecipes is the scale evaluation: over 100 000
// synthetic recipes every profile meets the energy requirements.
func TestRunOn100kRecipes(t *testing.T) {
	if testing.Short() {
		t.Skip("plans 54 weeks from 100 000 recipes")
	}
	t.Parallel()
	res := evaluate.Run([]evaluate.Catalogue{{Name: "100k", Recipes: mustBig(t)}}, evaluate.Config{Now: time.Now})
	s := res.Summaries()[0]
	if s.Errors != 0 || s.Violations != 0 || s.DaysOff != 0 || s.WeeksOff != 0 || s.Gaps != 0 || s.Repeats != 0 {
		t.Errorf("summary %+v: want no refusals, violations, days or weeks off target, gaps or repeats", s)
	}
	var out bytes.Buffer
	if err := res.Write(&out); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", out.String())
}

func TestWrite(t *testing.T) {
	t.Parallel()
	res := evaluate.Result{Rows: []evaluate.Row{
		{Catalogue: "c", Profile: "a", MeanDaily: 1.25, WorstDaily: 4, WeekEnergy: -0.5, Macro: 2, Took: 4 * time.Millisecond},
		{Catalogue: "c", Profile: "b", Violations: 1, MeanDaily: 12, WorstDaily: 20, WeekEnergy: 9, Macro: 7,
			DaysOff: 3, Repeats: 2, Took: 9 * time.Millisecond},
		{Catalogue: "c", Profile: "x", Err: "VALIDATION_ERROR: no recipe", Took: time.Millisecond},
		{Catalogue: "d", Profile: "a", Took: 2 * time.Millisecond},
	}}
	var out bytes.Buffer
	if err := res.Write(&out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{
		"error: VALIDATION_ERROR: no recipe",
		"c: 3 profiles (1 refused), 1 violations; days within ±10 %: 11/14; weeks within ±5 %: 1/2; " +
			"macros within ±5 points: 1/2; mean daily deviation 6.6 %, worst 20.0 %; repeats 2; empty slots 0; " +
			"time median 4.0 ms, max 9.0 ms",
		"d: 1 profiles (0 refused), 0 violations; days within ±10 %: 7/7",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	if lines := strings.Count(text, "\n"); lines != 1+len(res.Rows)+2 {
		t.Errorf("%d lines, want a header, %d rows and 2 summaries", lines, len(res.Rows))
	}
}

func TestRunDefaults(t *testing.T) {
	t.Parallel()
	one := evaluate.Profiles()[:1]
	res := evaluate.Run([]evaluate.Catalogue{{Name: "seed", Recipes: mustSeed(t)}}, evaluate.Config{Profiles: one})
	if len(res.Rows) != 1 || res.Rows[0].Took != 0 || res.Rows[0].Err != "" {
		t.Errorf("rows %+v: want one untimed row", res.Rows)
	}
	again := evaluate.Run([]evaluate.Catalogue{{Name: "seed", Recipes: mustSeed(t)}},
		evaluate.Config{Profiles: one, WeekStart: planning.NewDate(2026, time.March, 4), Seed: 1})
	if res.Rows[0] != again.Rows[0] {
		t.Errorf("the default week and seed differ from 2026-03-01 and 1: %+v vs %+v", res.Rows[0], again.Rows[0])
	}
}
