package planning

import (
	"errors"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
)

var (
	t0 = time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	t1 = t0.Add(time.Hour)
)

func mustDate(tb testing.TB, s string) Date {
	tb.Helper()
	d, err := ParseDate(s)
	if err != nil {
		tb.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

func mustDates(tb testing.TB, ss ...string) []Date {
	tb.Helper()
	out := make([]Date, len(ss))
	for i, s := range ss {
		out[i] = mustDate(tb, s)
	}
	return out
}

func slot(id int64) Slot {
	return Slot{RecipeID: id, RecipeName: "Recipe", Servings: 2, AddedAt: t0}
}

// mustPlan builds a plan for the week of day with the given slots, written as
// "date/meal" → recipe id.
func mustPlan(tb testing.TB, day string, slots map[string]int64) *Plan {
	tb.Helper()
	p := NewPlan("p-"+day, "u1", mustDate(tb, day), t0)
	for key, id := range slots {
		d, m := splitKey(tb, key)
		if err := p.Set(d, m, slot(id), t0); err != nil {
			tb.Fatalf("Set(%s): %v", key, err)
		}
	}
	return p
}

func splitKey(tb testing.TB, key string) (Date, MealType) {
	tb.Helper()
	m, err := ParseMealType(key[11:])
	if err != nil {
		tb.Fatalf("bad key %q", key)
	}
	return mustDate(tb, key[:10]), m
}

// layout renders a plan's slots as "date/meal" → recipe id.
func layout(p *Plan) map[string]int64 {
	out := map[string]int64{}
	for d, day := range p.Days {
		for m, s := range day {
			out[d.String()+"/"+string(m)] = s.RecipeID
		}
	}
	return out
}

func wantValidation(tb testing.TB, err error, message string) *domain.Error {
	tb.Helper()
	var e *domain.Error
	if !errors.As(err, &e) || e.Code != domain.CodeValidation {
		tb.Fatalf("err = %v, want a validation error", err)
	}
	if message != "" && e.Message != message {
		tb.Fatalf("message = %q, want %q", e.Message, message)
	}
	return e
}
