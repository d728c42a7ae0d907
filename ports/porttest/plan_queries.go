package porttest

import (
	"reflect"
	"slices"
	"testing"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/shopping"
	"github.com/mealplanner/backend/ports"
)

func plansAtomic(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "atomic"))
	stored := newPlan(t, u.ID, week(0), meal{0, planning.Lunch, 101})
	mustSavePlans(t, s, stored)
	stale := stored.Clone()
	mustSavePlans(t, s, stored)
	// ids that sort before and after any other, so that a store writing in
	// id order meets the failure both after and before a successful write
	low, high := newPlan(t, u.ID, week(1)), newPlan(t, u.ID, week(2))
	low.ID, high.ID = "!"+low.ID, "~"+high.ID
	assertCode(t, s.Plans.Save(t.Context(), low, stale, high), domain.ErrConflict, "Save with a stale plan")
	twins := []*planning.Plan{newPlan(t, u.ID, week(3)), newPlan(t, u.ID, week(3))}
	assertCode(t, s.Plans.Save(t.Context(), twins...), domain.ErrConflict, "Save of two plans for one week")
	for _, p := range []*planning.Plan{low, high, twins[0], twins[1]} {
		if p.Version != 0 {
			t.Errorf("plan of %s: version %d after a refused save", p.WeekStart, p.Version)
		}
		_, err := s.Plans.ForWeek(t.Context(), u.ID, p.WeekStart)
		assertCode(t, err, domain.ErrNotFound, "ForWeek after a refused save")
	}
	assertPlan(t, mustGetPlan(t, s, u.ID, stored.ID), stored)
	stored.Notes = "together"
	mustSavePlans(t, s, stored, low)
	assertPlan(t, mustGetPlan(t, s, u.ID, stored.ID), stored)
	assertPlan(t, mustGetPlan(t, s, u.ID, low.ID), low)
	if stored.Version != 3 || low.Version != 1 {
		t.Errorf("versions %d and %d, want 3 and 1", stored.Version, low.Version)
	}
}

func plansGone(t *testing.T, s Stores) {
	tag := storeTag()
	u, erased := mustCreateUser(t, s, storeEmail(tag, "u")), mustCreateUser(t, s, storeEmail(tag, "erased"))
	mustErase(t, s, erased.ID)
	deleted := newPlan(t, u.ID, week(0), meal{0, planning.Lunch, 101})
	mustSavePlans(t, s, deleted)
	if err := s.Plans.Delete(t.Context(), u.ID, deleted.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	never := newPlan(t, u.ID, week(1))
	never.Version = 3
	cases := []struct {
		name string
		p    *planning.Plan
	}{
		{"a deleted plan", deleted},
		{"a plan never stored", never},
		{"a plan of an unknown user", newPlan(t, storeID(), week(2))},
		{"a plan of an erased user", newPlan(t, erased.ID, week(2))},
	}
	for _, c := range cases {
		assertCode(t, s.Plans.Save(t.Context(), c.p), domain.ErrNotFound, "Save of "+c.name)
	}
	_, total, err := s.Plans.List(t.Context(), u.ID, ports.PlanQuery{})
	if err != nil || total != 0 {
		t.Errorf("List = %d plans, %v; want none", total, err)
	}
}

func plansList(t *testing.T, s Stores) {
	tag := storeTag()
	a, b := mustCreateUser(t, s, storeEmail(tag, "a")), mustCreateUser(t, s, storeEmail(tag, "b"))
	byWeek := map[int]*planning.Plan{}
	for _, w := range []int{2, 0, 4, 1, 3} {
		byWeek[w] = newPlan(t, a.ID, week(w), meal{0, planning.Dinner, 100 + int64(w)})
		mustSavePlans(t, s, byWeek[w])
	}
	mustSavePlans(t, s, newPlan(t, b.ID, week(2)))
	from, to := week(1), week(3)
	cases := []struct {
		name  string
		q     ports.PlanQuery
		want  []int
		total int
	}{
		{"all, newest week first", ports.PlanQuery{}, []int{4, 3, 2, 1, 0}, 5},
		{"from, inclusive", ports.PlanQuery{From: &from}, []int{4, 3, 2, 1}, 4},
		{"to, inclusive", ports.PlanQuery{To: &to}, []int{3, 2, 1, 0}, 4},
		{"between", ports.PlanQuery{From: &from, To: &to, Limit: 2}, []int{3, 2}, 3},
		{"page", ports.PlanQuery{Offset: 1, Limit: 2}, []int{3, 2}, 5},
		{"offset without a limit", ports.PlanQuery{Offset: 3}, []int{1, 0}, 5},
		{"past the end", ports.PlanQuery{Offset: 5, Limit: 2}, []int{}, 5},
	}
	for _, c := range cases {
		got, total, err := s.Plans.List(t.Context(), a.ID, c.q)
		if err != nil {
			t.Fatalf("%s: List: %v", c.name, err)
		}
		if got == nil || total != c.total || len(got) != len(c.want) {
			t.Errorf("%s: got %d plans (nil: %v) of %d, want %d of %d", c.name, len(got), got == nil, total,
				len(c.want), c.total)
			continue
		}
		for i, w := range c.want {
			assertPlan(t, got[i], byWeek[w])
		}
	}
}

func plansDelete(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "del"))
	gone, kept := newPlan(t, u.ID, week(0), meal{0, planning.Lunch, 101}), newPlan(t, u.ID, week(1))
	mustSavePlans(t, s, gone, kept)
	lists := []*shopping.List{newList(u.ID, gone.ID, 1), newList(u.ID, "", 2), newList(u.ID, kept.ID, 3)}
	for _, l := range lists {
		mustSaveList(t, s, l)
	}
	if err := s.Plans.Delete(t.Context(), u.ID, gone.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	_, err := s.Plans.Get(t.Context(), u.ID, gone.ID)
	assertCode(t, err, domain.ErrNotFound, "Get deleted")
	assertCode(t, s.Plans.Delete(t.Context(), u.ID, gone.ID), domain.ErrNotFound, "Delete again")
	_, err = s.Lists.ForPlan(t.Context(), u.ID, gone.ID)
	assertCode(t, err, domain.ErrNotFound, "ForPlan of the deleted plan")
	lists[0].MealPlanID = ""
	for _, l := range lists {
		assertList(t, mustGetList(t, s, u.ID, l.ID), l)
	}
	if planned, err := s.Plans.Planned(t.Context(), u.ID, week(0)); err != nil || len(planned) != 0 {
		t.Errorf("Planned = %v, %v; the deleted plan's meals are still planned", planned, err)
	}
}

func plansPlanned(t *testing.T, s Stores) {
	tag := storeTag()
	lo, hi := mustCreateUser(t, s, storeEmail(tag, "a")), mustCreateUser(t, s, storeEmail(tag, "b"))
	if hi.ID < lo.ID {
		lo, hi = hi, lo
	}
	mustSavePlans(t, s,
		newPlan(t, lo.ID, week(0), meal{1, planning.Dinner, 105}, meal{2, planning.Lunch, 103},
			meal{2, planning.Dinner, 101}, meal{5, planning.Breakfast, 106}),
		newPlan(t, lo.ID, week(1), meal{0, planning.Lunch, 102}),
		newPlan(t, hi.ID, week(0), meal{5, planning.Snacks, 101}, meal{2, planning.Breakfast, 104}),
		newPlan(t, hi.ID, week(-1), meal{6, planning.Lunch, 109}))
	since := week(0).AddDays(2)
	row := func(u string, day int, recipe int64) ports.PlannedRecipe {
		return ports.PlannedRecipe{UserID: u, RecipeID: recipe, Date: week(0).AddDays(day)}
	}
	loRows := []ports.PlannedRecipe{row(lo.ID, 2, 101), row(lo.ID, 2, 103), row(lo.ID, 5, 106), row(lo.ID, 7, 102)}
	all := []ports.PlannedRecipe{loRows[0], loRows[1], row(hi.ID, 2, 104), loRows[2], row(hi.ID, 5, 101), loRows[3]}
	cases := []struct {
		name   string
		userID string
		since  planning.Date
		want   []ports.PlannedRecipe
	}{
		{"one user, since mid-week", lo.ID, since, loRows},
		{"every user, since mid-week", "", since, all},
		{"one user, since the last meal", hi.ID, week(0).AddDays(5), all[4:5]},
		{"nothing planned since", hi.ID, week(0).AddDays(6), []ports.PlannedRecipe{}},
	}
	for _, c := range cases {
		got, err := s.Plans.Planned(t.Context(), c.userID, c.since)
		if err != nil {
			t.Fatalf("%s: Planned: %v", c.name, err)
		}
		if mine := plannedBy(got, lo.ID, hi.ID); !reflect.DeepEqual(mine, c.want) {
			t.Errorf("%s: Planned = %+v, want %+v", c.name, mine, c.want)
		}
	}
}

// plannedBy keeps the rows of the users, in order: a store shared by the
// subtests holds other users' plans too.
func plannedBy(rows []ports.PlannedRecipe, userIDs ...string) []ports.PlannedRecipe {
	out := []ports.PlannedRecipe{}
	for _, r := range rows {
		if slices.Contains(userIDs, r.UserID) {
			out = append(out, r)
		}
	}
	return out
}
