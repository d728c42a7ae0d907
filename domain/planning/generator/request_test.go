package generator_test

import (
	"testing"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/planning/generator"
)

func TestGenerateRejectsBadRequests(t *testing.T) {
	t.Parallel()
	otherWeek := planning.NewPlan("p", "u", week.AddDays(7), now)
	cases := []struct {
		name  string
		req   generator.Request
		field string
	}{
		{"too few calories", generator.Request{Targets: generator.Targets{Calories: 500}}, "targets.calories"},
		{"too many calories", generator.Request{Targets: generator.Targets{Calories: 9000}}, "targets.calories"},
		{"negative protein", generator.Request{Targets: generator.Targets{Protein: -1}}, "targets.protein"},
		{"absurd fat", generator.Request{Targets: generator.Targets{Fat: 5000}}, "targets.fat"},
		{"unknown meal type", generator.Request{MealTypes: []planning.MealType{"brunch"}}, "mealTypes[0]"},
		{"too many servings", generator.Request{Servings: 51}, "servings"},
		{"negative prep time", generator.Request{MaxPrepTime: map[planning.MealType]int{planning.Lunch: -5}},
			"maxPrepTime.lunch"},
		{"prep time for an unknown meal", generator.Request{MaxPrepTime: map[planning.MealType]int{"tea": 5}},
			"maxPrepTime"},
		{"existing plan of another week", generator.Request{Existing: otherWeek}, "weekStart"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.req.WeekStart, c.req.Now = week, now
			_, err := generator.Generate(feasibleCatalogue(), c.req)
			e, ok := err.(*domain.Error)
			if !ok || e.Code != domain.CodeValidation {
				t.Fatalf("err = %v, want a validation error", err)
			}
			if _, ok := e.Details[c.field]; !ok {
				t.Errorf("details %v lack %q", e.Details, c.field)
			}
		})
	}
}

func TestGenerateFillsInDefaults(t *testing.T) {
	t.Parallel()
	// Wednesday of the test week: the plan is for the week that holds it.
	res := mustGenerate(t, feasibleCatalogue(), generator.Request{WeekStart: week.AddDays(3)})
	want := generator.Targets{Calories: 2000, Protein: 100, Carbohydrate: 250, Fat: 2000 * 0.3 / 9}
	if res.Targets != want {
		t.Errorf("targets %+v, want %+v", res.Targets, want)
	}
	if !res.Plan.WeekStart.Equal(week) {
		t.Errorf("week start %s, want the Sunday %s", res.Plan.WeekStart, week)
	}
	if got := res.Plan.MealCount(); got != 4*planning.DaysPerWeek {
		t.Errorf("%d meals, want every meal type on every day (28)", got)
	}
	for _, day := range res.Plan.Days {
		for _, s := range day {
			if s.Servings != planning.DefaultHouseholdSize {
				t.Fatalf("servings %d, want the default household of %d", s.Servings, planning.DefaultHouseholdSize)
			}
		}
	}
}

func TestTargetsShares(t *testing.T) {
	t.Parallel()
	cases := []struct {
		t       generator.Targets
		p, c, f float64
	}{
		{generator.Targets{Protein: 100, Carbohydrate: 250, Fat: 600.0 / 9}, 20, 50, 30},
		{generator.Targets{Protein: 25, Carbohydrate: 0, Fat: 100.0 / 9}, 50, 0, 50},
		{generator.Targets{}, 0, 0, 0},
	}
	for _, c := range cases {
		p, cb, f := c.t.Shares()
		if !near(p, c.p) || !near(cb, c.c) || !near(f, c.f) {
			t.Errorf("%+v.Shares() = %.2f/%.2f/%.2f, want %.0f/%.0f/%.0f", c.t, p, cb, f, c.p, c.c, c.f)
		}
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
