package porttest

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/measure"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/shopping"
)

// ShoppingListRepository runs the contract of ports.ShoppingListRepository,
// with the plans of the same Stores that lists are generated from.
func ShoppingListRepository(t *testing.T, newStores func(t *testing.T) Stores) {
	t.Helper()
	run := func(name string, test func(*testing.T, Stores)) {
		t.Run(name, func(t *testing.T) { test(t, newStores(t)) })
	}
	run("save then get keeps every field; an update replaces them", listsRoundTrip)
	run("a list without plan, share or items", listsBare)
	run("another user's or an unknown list is not found", listsNotFound)
	run("a plan has one list, which for plan returns", listsForPlan)
	run("list pages newest first and counts", listsPaging)
	run("shared finds a list by share id whoever owns it", listsShared)
	run("a share id in use or a taken id is a conflict", listsConflict)
	run("a stale version is a conflict and changes nothing", listsStale)
	run("saving a deleted list, or for an unknown user or plan, is not found", listsGone)
}

// fullItems sets every field of an item somewhere, and leaves the lists of
// one item nil, which a store gives back empty.
func fullItems() []shopping.Item {
	return []shopping.Item{
		{ID: "i1", Key: "flour|mass", Name: "flour", Food: "flour", Quantity: "1.5", Unit: "kg", Section: "Pantry",
			Amount: 1500.25, Dimension: measure.Mass, RecipeIDs: []int64{101, 205},
			Sources: []shopping.Source{{RecipeID: 101, RecipeName: "Bread", Measure: "1 kg"},
				{RecipeID: 205, RecipeName: "Cake", Measure: "500.25 g"}},
			Note: "organic", Checked: true},
		{ID: "i2", Key: "milk|volume", Name: "milk", Food: "milk", Quantity: "1 1/4", Unit: "cup",
			Section: "Dairy & Eggs", Amount: 0.1 + 0.2, Dimension: measure.Volume, RecipeIDs: []int64{7},
			Sources: []shopping.Source{{RecipeID: 0, Measure: "a splash"}}},
		{ID: "i3", Key: "garlic|count:clove", Name: "garlic", Food: "garlic", Quantity: "3", Unit: "cloves",
			Section: "Produce", Amount: 3, Dimension: measure.Count, RecipeIDs: []int64{}, Sources: []shopping.Source{}},
		{ID: "i4", Key: "manual:candles", Name: "birthday candles", Section: "Other", Manual: true, Checked: true},
	}
}

// newList builds an unsaved list of the user, created the given minutes
// after the epoch.
func newList(userID, planID string, created int) *shopping.List {
	at := storeEpoch.In(planZone).Add(time.Duration(created) * time.Minute)
	return &shopping.List{ID: storeID(), UserID: userID, MealPlanID: planID, WeekStart: planWeek,
		Name: fmt.Sprintf("List %d", created), Items: fullItems(), CreatedAt: at, UpdatedAt: at.Add(time.Second)}
}

func sharedList(userID string, created int, shareID string) *shopping.List {
	l := newList(userID, "", created)
	l.Share = &shopping.Share{ID: shareID, ExpiresAt: storeEpoch.In(planZone).Add(7 * 24 * time.Hour)}
	return l
}

func mustSaveList(t *testing.T, s Stores, l *shopping.List) {
	t.Helper()
	if err := s.Lists.Save(t.Context(), l); err != nil {
		t.Fatalf("Save(%s): %v", l.Name, err)
	}
}

func mustGetList(t *testing.T, s Stores, userID, id string) *shopping.List {
	t.Helper()
	l, err := s.Lists.Get(t.Context(), userID, id)
	if err != nil {
		t.Fatalf("Get(%s): %v", id, err)
	}
	return l
}

// listTimes returns a copy of l with f applied to every time and empty
// lists for nil ones.
func listTimes(l *shopping.List, f func(time.Time) time.Time) *shopping.List {
	c := l.Clone()
	c.CreatedAt, c.UpdatedAt = f(c.CreatedAt), f(c.UpdatedAt)
	if c.Share != nil {
		c.Share.ExpiresAt = f(c.Share.ExpiresAt)
	}
	for i := range c.Items {
		c.Items[i].RecipeIDs = append([]int64{}, c.Items[i].RecipeIDs...)
		c.Items[i].Sources = append([]shopping.Source{}, c.Items[i].Sources...)
	}
	return c
}

// assertList checks that got is want as a store keeps it: times in UTC to
// the microsecond, lists never nil.
func assertList(t *testing.T, got, want *shopping.List) {
	t.Helper()
	if got == nil || got.Items == nil {
		t.Fatalf("got list %+v, want %+v with non-nil items", got, want)
	}
	for _, it := range got.Items {
		if it.RecipeIDs == nil || it.Sources == nil {
			t.Errorf("item %s: nil RecipeIDs or Sources, want []", it.ID)
		}
	}
	if got.CreatedAt.Location() != time.UTC || got.Share != nil && got.Share.ExpiresAt.Location() != time.UTC {
		t.Errorf("list %s: times not in UTC: %v, %+v", got.ID, got.CreatedAt, got.Share)
	}
	if g, w := listTimes(got, sameInstant), listTimes(want, storedTime); !reflect.DeepEqual(g, w) {
		t.Errorf("list differs\n got: %+v\nwant: %+v", g, w)
	}
}

func listsRoundTrip(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "list"))
	p := newPlan(t, u.ID, week(0), meal{0, planning.Lunch, 101})
	mustSavePlans(t, s, p)
	want := sharedList(u.ID, 0, storeID())
	want.MealPlanID = p.ID
	mustSaveList(t, s, want)
	if want.Version != 1 {
		t.Errorf("Version = %d after the first save, want 1", want.Version)
	}
	got := mustGetList(t, s, u.ID, want.ID)
	assertList(t, got, want)
	got.Items[0].RecipeIDs[0], got.Items[0].Sources[0].Measure, got.Share.ID = 9, "changed", "changed"
	again := mustGetList(t, s, u.ID, want.ID)
	assertList(t, again, want)
	again.Items = again.Items[1:2]
	again.Items[0].Checked, again.Name, again.Share, again.MealPlanID = true, "Renamed", nil, ""
	again.UpdatedAt = storeEpoch.Add(time.Hour)
	mustSaveList(t, s, again)
	if again.Version != 2 {
		t.Errorf("Version = %d after an update, want 2", again.Version)
	}
	assertList(t, mustGetList(t, s, u.ID, want.ID), again)
}

func listsBare(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "bare"))
	want := newList(u.ID, "", 0)
	want.Items = nil
	mustSaveList(t, s, want)
	got := mustGetList(t, s, u.ID, want.ID)
	assertList(t, got, want)
	if len(got.Items) != 0 || got.Share != nil || got.MealPlanID != "" {
		t.Errorf("bare list came back with %+v", got)
	}
}

func listsNotFound(t *testing.T, s Stores) {
	tag := storeTag()
	a, b := mustCreateUser(t, s, storeEmail(tag, "a")), mustCreateUser(t, s, storeEmail(tag, "b"))
	l := newList(a.ID, "", 0)
	mustSaveList(t, s, l)
	get := func(userID, id string) error { _, err := s.Lists.Get(t.Context(), userID, id); return err }
	cases := []struct {
		name string
		err  error
	}{
		{"Get by another user", get(b.ID, l.ID)},
		{"Get unknown", get(a.ID, storeID())},
		{"Delete by another user", s.Lists.Delete(t.Context(), b.ID, l.ID)},
		{"Delete unknown", s.Lists.Delete(t.Context(), a.ID, storeID())},
	}
	for _, c := range cases {
		assertCode(t, c.err, domain.ErrNotFound, c.name)
	}
	assertList(t, mustGetList(t, s, a.ID, l.ID), l)
	if err := s.Lists.Delete(t.Context(), a.ID, l.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	assertCode(t, get(a.ID, l.ID), domain.ErrNotFound, "Get deleted")
}
