package app_test

import (
	"context"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/shopping"
	"github.com/mealplanner/backend/domain/user"
)

// updateStart is the plan TestUpdatePlan edits, its notes "old".
var updateStart = map[string]int64{"2026-11-23/lunch": curry, "2026-11-24/dinner": stale}

// updateCases are edits of updateStart and the slots and notes they leave.
var updateCases = []struct {
	name  string
	in    app.UpdatePlanInput
	want  map[string]int64
	notes string
}{
	{"put replaces the slots", app.UpdatePlanInput{Days: app.DaysInput{"2026-11-25": {"snacks": {RecipeID: pancakes}}}},
		map[string]int64{"2026-11-25/snacks": pancakes}, "old"},
	{"patch merges the slots", app.UpdatePlanInput{Merge: true, Days: app.DaysInput{"2026-11-23": {"lunch": {RecipeID: pancakes}}}},
		map[string]int64{"2026-11-23/lunch": pancakes, "2026-11-24/dinner": stale}, "old"},
	{"notes alone keep the slots", app.UpdatePlanInput{Notes: notes("")}, updateStart, ""},
	{"an empty put empties the plan", app.UpdatePlanInput{Days: app.DaysInput{}, Notes: notes("new")}, map[string]int64{}, "new"},
	{"a deleted recipe already planned there stays", app.UpdatePlanInput{Days: app.DaysInput{
		"2026-11-24": {"dinner": {RecipeID: stale}}}}, map[string]int64{"2026-11-24/dinner": stale}, "old"},
}

func TestUpdatePlan(t *testing.T) {
	t.Parallel()
	for _, tt := range updateCases {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, id := planWith(t, updateStart)
			later := planStart.Add(time.Hour)
			f.clock.Set(later)
			tt.in.ID = id
			got, err := f.planner.UpdatePlan(context.Background(), f.alice, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			stored, _ := f.store.Plans().Get(context.Background(), "alice", id)
			if !maps.Equal(planLayout(got), tt.want) || !maps.Equal(planLayout(stored), tt.want) || stored.Notes != tt.notes {
				t.Errorf("layout %v, stored %v notes %q; want %v notes %q", planLayout(got), planLayout(stored), stored.Notes, tt.want, tt.notes)
			}
			for _, day := range stored.DaysInOrder() {
				for _, m := range day.Meals {
					kept := updateStart[day.Date.String()+"/"+m.Type.String()] == m.Slot.RecipeID
					if want := map[bool]time.Time{true: planStart, false: later}[kept]; !m.Slot.AddedAt.Equal(want) || m.Slot.RecipeName == "" {
						t.Errorf("%s %s: %+v, want addedAt %v", day.Date, m.Type, m.Slot, want)
					}
				}
			}
		})
	}
}

func TestUpdatePlanRefusals(t *testing.T) {
	t.Parallel()
	f, id := planWith(t, map[string]int64{"2026-11-23/lunch": curry})
	ctx := context.Background()
	_, err := f.planner.UpdatePlan(ctx, f.alice, app.UpdatePlanInput{ID: id, Merge: true, Days: app.DaysInput{
		"2026-11-24": {"dinner": {RecipeID: stale}}, "2026-11-21": {"dinner": {RecipeID: curry}}}})
	de := wantPlanError(t, err, domain.CodeValidation, "")
	want := map[string]any{"days.2026-11-24.dinner.recipeId": "recipe not found", "days.2026-11-21": "date is outside the plan's week"}
	if !maps.Equal(de.Details, want) {
		t.Errorf("details = %v, want %v", de.Details, want)
	}
	_, err = f.planner.UpdatePlan(ctx, f.bob, app.UpdatePlanInput{ID: id, Days: app.DaysInput{}})
	wantPlanError(t, err, domain.CodeNotFound, "meal plan not found")
	if stored, _ := f.store.Plans().Get(ctx, "alice", id); stored.MealCount() != 1 || stored.Version != 1 {
		t.Errorf("a refused update changed the plan: %+v", stored)
	}
}

func TestDeletePlan(t *testing.T) {
	t.Parallel()
	f, id := planWith(t, map[string]int64{"2026-11-23/lunch": curry})
	ctx := context.Background()
	list, err := shopping.NewList("l-1", "alice", planning.NewDate(2026, 11, 22), "", planStart)
	if err != nil {
		t.Fatal(err)
	}
	list.MealPlanID = id
	if err := f.store.ShoppingLists().Save(ctx, list); err != nil {
		t.Fatal(err)
	}
	wantPlanError(t, f.planner.DeletePlan(ctx, f.bob, id), domain.CodeNotFound, "meal plan not found")
	if err := f.planner.DeletePlan(ctx, f.alice, id); err != nil {
		t.Fatal(err)
	}
	wantPlanError(t, f.planner.DeletePlan(ctx, f.alice, id), domain.CodeNotFound, "meal plan not found")
	if _, err := f.planner.Plan(ctx, f.alice, id); !domain.IsCode(err, domain.CodeNotFound) {
		t.Errorf("deleted plan still read: %v", err)
	}
	if kept, err := f.store.ShoppingLists().Get(ctx, "alice", "l-1"); err != nil || kept.MealPlanID != "" {
		t.Errorf("the plan's shopping list: %+v, %v; want it kept without a plan", kept, err)
	}
}

func TestListPlans(t *testing.T) {
	t.Parallel()
	f := newPlanFixture(t, nil)
	ctx := context.Background()
	for _, d := range []string{"2026-11-02", "2026-11-10", "2026-11-23", "2026-12-01"} {
		mustAdd(t, f, f.alice, "", d, "lunch", curry)
	}
	mustAdd(t, f, f.bob, "", "2026-11-23", "lunch", curry)
	admin := app.Principal{UserID: "root", Role: user.RoleAdmin}
	tests := []struct {
		name  string
		pr    app.Principal
		in    app.ListPlansInput
		weeks []string
		total int
	}{
		{"all, newest first", f.alice, app.ListPlansInput{Page: app.PageRequest{Page: 1, Limit: 20}},
			[]string{"2026-11-29", "2026-11-22", "2026-11-08", "2026-11-01"}, 4},
		{"range by the days' weeks", f.alice, app.ListPlansInput{From: "2026-11-14", To: "2026-11-29", Page: app.PageRequest{Page: 1, Limit: 20}},
			[]string{"2026-11-29", "2026-11-22", "2026-11-08"}, 3},
		{"second page", f.alice, app.ListPlansInput{UserID: "me", Page: app.PageRequest{Page: 2, Limit: 3}}, []string{"2026-11-01"}, 4},
		{"past the end", f.alice, app.ListPlansInput{Page: app.PageRequest{Page: 9, Limit: 3}}, []string{}, 4},
		{"an admin lists another user's", admin, app.ListPlansInput{UserID: "bob", Page: app.PageRequest{Page: 1, Limit: 20}}, []string{"2026-11-22"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			page, err := f.planner.ListPlans(ctx, tt.pr, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, p := range page.Items {
				got = append(got, p.WeekStart.String())
			}
			if !slices.Equal(got, tt.weeks) || page.Total != tt.total {
				t.Errorf("weeks %v total %d, want %v %d", got, page.Total, tt.weeks, tt.total)
			}
		})
	}
}

func TestListPlansRefusals(t *testing.T) {
	t.Parallel()
	f := newPlanFixture(t, nil)
	ctx := context.Background()
	mustAdd(t, f, f.alice, "", "2026-11-23", "lunch", curry)
	admin := app.Principal{UserID: "root", Role: user.RoleAdmin}
	_, err := f.planner.ListPlans(ctx, f.bob, app.ListPlansInput{UserID: "alice", Page: app.PageRequest{Page: 1, Limit: 20}})
	wantPlanError(t, err, domain.CodeNotFound, "user not found")
	_, err = f.planner.ListPlans(ctx, admin, app.ListPlansInput{UserID: "nobody", Page: app.PageRequest{Page: 1, Limit: 20}})
	wantPlanError(t, err, domain.CodeNotFound, "user not found")
	_, err = f.planner.ListPlans(ctx, f.alice, app.ListPlansInput{From: "2026-12-01", To: "2026-11-01", Page: app.PageRequest{Page: 1, Limit: 20}})
	wantPlanError(t, err, domain.CodeValidation, "to must not be before from")
}

func TestAllPlansIsEveryPlanOfOneUser(t *testing.T) {
	t.Parallel()
	f := newPlanFixture(t, nil)
	for _, d := range []string{"2026-11-02", "2026-11-23", "2027-06-01"} {
		mustAdd(t, f, f.alice, "", d, "lunch", curry)
	}
	mustAdd(t, f, f.bob, "", "2026-11-23", "lunch", curry)
	all, err := f.planner.AllPlans(context.Background(), "alice")
	if err != nil || len(all) != 3 || all[0].WeekStart.String() != "2027-05-30" {
		t.Fatalf("AllPlans = %d plans, %v", len(all), err)
	}
	for _, p := range all {
		if p.UserID != "alice" {
			t.Errorf("AllPlans(alice) holds %s's plan", p.UserID)
		}
	}
}

// planWith stores a plan of alice's in the fixture week holding the given
// slots ("date/meal" → recipe id), planned at planStart with notes "old",
// and returns its id. It goes through the store, so that the deleted recipe
// can be in it as though planned before its deletion.
func planWith(t *testing.T, slots map[string]int64) (planFixture, string) {
	t.Helper()
	f := newPlanFixture(t, nil)
	names := map[int64]string{curry: "Chicken Curry", pancakes: "Pancakes", stale: "Old Stew"}
	plan := planning.NewPlan("p-alice", "alice", planning.NewDate(2026, 11, 22), planStart)
	plan.Notes = "old"
	for key, id := range slots {
		date, err := planning.ParseDate(key[:10])
		if err != nil {
			t.Fatal(err)
		}
		slot, err := planning.NewSlot(id, names[id], "", "", 2, "", planStart)
		if err != nil {
			t.Fatal(err)
		}
		if err := plan.Set(date, planning.MealType(key[11:]), slot, planStart); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.store.Plans().Save(context.Background(), plan); err != nil {
		t.Fatal(err)
	}
	return f, plan.ID
}

// notes is a pointer to s, for inputs whose notes may be absent.
func notes(s string) *string { return &s }
