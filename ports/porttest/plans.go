package porttest

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
)

// PlanRepository runs the contract of ports.PlanRepository, with the
// shopping lists of the same Stores for what deleting a plan does to them.
func PlanRepository(t *testing.T, newStores func(t *testing.T) Stores) {
	t.Helper()
	run := func(name string, test func(*testing.T, Stores)) {
		t.Run(name, func(t *testing.T) { test(t, newStores(t)) })
	}
	run("save then get and for week keep every field", plansRoundTrip)
	run("another user's or an unknown plan is not found", plansNotFound)
	run("a second plan for a week or a taken id is a conflict", plansWeekTaken)
	run("an update replaces the slots; a stale one is a conflict", plansStale)
	run("concurrent saves of one version: exactly one wins", plansConcurrent)
	run("saving several plans is all or none", plansAtomic)
	run("saving a deleted plan or for an unknown user is not found", plansGone)
	run("list filters, pages newest week first and counts", plansList)
	run("delete detaches the plan's lists", plansDelete)
	run("planned lists recipes since a date by date, user, recipe", plansPlanned)
}

// planWeek is a Sunday, as every week start is; planZone is not UTC, so the
// suites see stores convert times.
var (
	planWeek = planning.NewDate(2025, time.March, 2)
	planZone = time.FixedZone("UTC+5:30", 5*3600+1800)
)

func week(n int) planning.Date { return planWeek.AddDays(planning.DaysPerWeek * n) }

// meal places a recipe on the day'th day of a plan's week.
type meal struct {
	day    int
	typ    planning.MealType
	recipe int64
}

// newPlan builds an unsaved plan of the user with the meals, every field set.
func newPlan(t *testing.T, userID string, weekStart planning.Date, meals ...meal) *planning.Plan {
	t.Helper()
	p := planning.NewPlan(storeID(), userID, weekStart, storeEpoch.In(planZone).Add(-time.Hour))
	p.Notes = "notes of " + weekStart.String()
	for i, m := range meals {
		s := planning.Slot{RecipeID: m.recipe, RecipeName: fmt.Sprintf("Recipe %d", m.recipe),
			Thumbnail: fmt.Sprintf("https://img.example.com/%d.jpg", m.recipe), Category: "Seafood",
			Servings: 1 + i, AddedAt: storeEpoch.In(planZone).Add(time.Duration(i) * time.Second),
			Note: fmt.Sprintf("note %d", i)}
		if err := p.Set(weekStart.AddDays(m.day), m.typ, s, storeEpoch); err != nil {
			t.Fatalf("Set: %v", err)
		}
	}
	return p
}

func mustSavePlans(t *testing.T, s Stores, plans ...*planning.Plan) {
	t.Helper()
	if err := s.Plans.Save(t.Context(), plans...); err != nil {
		t.Fatalf("Save: %v", err)
	}
}

func mustGetPlan(t *testing.T, s Stores, userID, id string) *planning.Plan {
	t.Helper()
	p, err := s.Plans.Get(t.Context(), userID, id)
	if err != nil {
		t.Fatalf("Get(%s): %v", id, err)
	}
	return p
}

// planTimes returns a copy of p with f applied to every time.
func planTimes(p *planning.Plan, f func(time.Time) time.Time) *planning.Plan {
	c := p.Clone()
	c.CreatedAt, c.UpdatedAt = f(c.CreatedAt), f(c.UpdatedAt)
	for _, meals := range c.Days {
		for m, slot := range meals {
			slot.AddedAt = f(slot.AddedAt)
			meals[m] = slot
		}
	}
	return c
}

// assertPlan checks that got is want as a store keeps it, times in UTC.
func assertPlan(t *testing.T, got, want *planning.Plan) {
	t.Helper()
	if got == nil || got.Days == nil {
		t.Fatalf("got plan %+v, want %+v with non-nil days", got, want)
	}
	planTimes(got, func(tm time.Time) time.Time {
		if tm.Location() != time.UTC {
			t.Errorf("plan %s: time %v is not in UTC", got.ID, tm)
		}
		return tm
	})
	if g, w := planTimes(got, sameInstant), planTimes(want, storedTime); !reflect.DeepEqual(g, w) {
		t.Errorf("plan differs\n got: %+v\nwant: %+v", g, w)
	}
}

func plansRoundTrip(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "plan"))
	want := newPlan(t, u.ID, week(0), meal{0, planning.Breakfast, 101}, meal{0, planning.Dinner, 102},
		meal{3, planning.Snacks, 103}, meal{6, planning.Lunch, 101})
	empty := newPlan(t, u.ID, week(1))
	mustSavePlans(t, s, want, empty)
	if want.Version != 1 || empty.Version != 1 {
		t.Errorf("versions after the first save: %d, %d; want 1", want.Version, empty.Version)
	}
	got := mustGetPlan(t, s, u.ID, want.ID)
	assertPlan(t, got, want)
	got.Notes, got.Days[week(0)][planning.Breakfast] = "changed", planning.Slot{RecipeID: 9, Servings: 1}
	byWeek, err := s.Plans.ForWeek(t.Context(), u.ID, week(0))
	if err != nil {
		t.Fatalf("ForWeek: %v", err)
	}
	assertPlan(t, byWeek, want)
	assertPlan(t, mustGetPlan(t, s, u.ID, empty.ID), empty)
}

func plansNotFound(t *testing.T, s Stores) {
	tag := storeTag()
	a, b := mustCreateUser(t, s, storeEmail(tag, "a")), mustCreateUser(t, s, storeEmail(tag, "b"))
	p := newPlan(t, a.ID, week(0), meal{1, planning.Lunch, 101})
	mustSavePlans(t, s, p)
	get := func(userID, id string) error { _, err := s.Plans.Get(t.Context(), userID, id); return err }
	forWeek := func(userID string, w planning.Date) error {
		_, err := s.Plans.ForWeek(t.Context(), userID, w)
		return err
	}
	cases := []struct {
		name string
		err  error
	}{
		{"Get by another user", get(b.ID, p.ID)},
		{"Get unknown", get(a.ID, storeID())},
		{"ForWeek by another user", forWeek(b.ID, week(0))},
		{"ForWeek of an empty week", forWeek(a.ID, week(1))},
		{"Delete by another user", s.Plans.Delete(t.Context(), b.ID, p.ID)},
		{"Delete unknown", s.Plans.Delete(t.Context(), a.ID, storeID())},
	}
	for _, c := range cases {
		assertCode(t, c.err, domain.ErrNotFound, c.name)
	}
	assertPlan(t, mustGetPlan(t, s, a.ID, p.ID), p)
}

func plansWeekTaken(t *testing.T, s Stores) {
	tag := storeTag()
	a, b := mustCreateUser(t, s, storeEmail(tag, "a")), mustCreateUser(t, s, storeEmail(tag, "b"))
	p := newPlan(t, a.ID, week(0), meal{1, planning.Lunch, 101})
	mustSavePlans(t, s, p)
	sameWeek := newPlan(t, a.ID, week(0), meal{2, planning.Dinner, 102})
	assertCode(t, s.Plans.Save(t.Context(), sameWeek), domain.ErrConflict, "Save of a second plan for the week")
	sameID := newPlan(t, a.ID, week(1))
	sameID.ID = p.ID
	assertCode(t, s.Plans.Save(t.Context(), sameID), domain.ErrConflict, "Save with a taken id")
	if sameWeek.Version != 0 || sameID.Version != 0 {
		t.Errorf("refused saves changed the versions to %d, %d", sameWeek.Version, sameID.Version)
	}
	mustSavePlans(t, s, newPlan(t, b.ID, week(0))) // another user's week is free
	got, err := s.Plans.ForWeek(t.Context(), a.ID, week(0))
	if err != nil {
		t.Fatalf("ForWeek: %v", err)
	}
	assertPlan(t, got, p)
	_, err = s.Plans.ForWeek(t.Context(), a.ID, week(1))
	assertCode(t, err, domain.ErrNotFound, "ForWeek of the refused plan's week")
}

func plansStale(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "stale"))
	p := newPlan(t, u.ID, week(0), meal{0, planning.Breakfast, 101}, meal{1, planning.Dinner, 102})
	mustSavePlans(t, s, p)
	first, second := mustGetPlan(t, s, u.ID, p.ID), mustGetPlan(t, s, u.ID, p.ID)
	later := storeEpoch.Add(time.Hour)
	if err := first.Remove(week(0), planning.Breakfast, later); err != nil {
		t.Fatal(err)
	}
	more := newPlan(t, u.ID, week(0), meal{2, planning.Lunch, 103}, meal{1, planning.Dinner, 104})
	if err := first.Merge(more.Days, &more.Notes, later); err != nil {
		t.Fatal(err)
	}
	mustSavePlans(t, s, first)
	second.Notes = "lost"
	assertCode(t, s.Plans.Save(t.Context(), second), domain.ErrConflict, "Save of a stale plan")
	if first.Version != 2 || second.Version != 1 {
		t.Errorf("versions %d (saved) and %d (refused), want 2 and 1", first.Version, second.Version)
	}
	assertPlan(t, mustGetPlan(t, s, u.ID, p.ID), first)
}

func plansConcurrent(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "race"))
	p := newPlan(t, u.ID, week(0), meal{0, planning.Lunch, 101})
	mustSavePlans(t, s, p)
	const n = 8
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		c := p.Clone()
		c.Notes = fmt.Sprintf("writer %d", i)
		wg.Go(func() { errs[i] = s.Plans.Save(t.Context(), c) })
	}
	wg.Wait()
	winner := -1
	for i, err := range errs {
		switch {
		case err == nil && winner >= 0:
			t.Errorf("writers %d and %d both saved version 1", winner, i)
		case err == nil:
			winner = i
		default:
			assertCode(t, err, domain.ErrConflict, "losing concurrent Save")
		}
	}
	got := mustGetPlan(t, s, u.ID, p.ID)
	if want := fmt.Sprintf("writer %d", winner); got.Version != 2 || got.Notes != want {
		t.Errorf("stored version %d with %q, want 2 with %q", got.Version, got.Notes, want)
	}
}
