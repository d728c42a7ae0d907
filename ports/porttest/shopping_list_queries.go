package porttest

import (
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/shopping"
)

// byIDs returns the two lists with the bytewise greater id first.
func byIDs(a, b *shopping.List) (higher, lower *shopping.List) {
	if a.ID > b.ID {
		return a, b
	}
	return b, a
}

func listsForPlan(t *testing.T, s Stores) {
	tag := storeTag()
	a, b := mustCreateUser(t, s, storeEmail(tag, "a")), mustCreateUser(t, s, storeEmail(tag, "b"))
	p, other := newPlan(t, a.ID, week(0)), newPlan(t, a.ID, week(1))
	mustSavePlans(t, s, p, other)
	first, otherPlans := newList(a.ID, p.ID, 1), newList(a.ID, other.ID, 5)
	for _, l := range []*shopping.List{first, otherPlans, newList(a.ID, "", 6), newList(a.ID, "", 7)} {
		mustSaveList(t, s, l)
	}
	second := newList(a.ID, p.ID, 3)
	assertCode(t, s.Lists.Save(t.Context(), second), domain.ErrConflict, "a second list of the same plan")
	if second.Version != 0 {
		t.Errorf("a refused save moved the version to %d", second.Version)
	}
	first.Name = "renamed"
	mustSaveList(t, s, first) // updating the plan's own list is no second list
	for _, c := range []struct {
		planID string
		want   *shopping.List
	}{{p.ID, first}, {other.ID, otherPlans}} {
		got, err := s.Lists.ForPlan(t.Context(), a.ID, c.planID)
		if err != nil {
			t.Fatalf("ForPlan: %v", err)
		}
		assertList(t, got, c.want)
	}
	for name, q := range map[string][2]string{"another user's plan": {b.ID, p.ID}, "no plan": {a.ID, ""},
		"an unknown plan": {a.ID, storeID()}} {
		_, err := s.Lists.ForPlan(t.Context(), q[0], q[1])
		assertCode(t, err, domain.ErrNotFound, "ForPlan of "+name)
	}
}

func listsPaging(t *testing.T, s Stores) {
	tag := storeTag()
	a, b := mustCreateUser(t, s, storeEmail(tag, "a")), mustCreateUser(t, s, storeEmail(tag, "b"))
	l0, l1, l2 := newList(a.ID, "", 0), newList(a.ID, "", 1), newList(a.ID, "", 2)
	hi, lo := byIDs(newList(a.ID, "", 3), newList(a.ID, "", 3))
	for _, l := range []*shopping.List{l2, hi, l0, lo, l1, newList(b.ID, "", 9)} {
		mustSaveList(t, s, l)
	}
	all := []*shopping.List{hi, lo, l2, l1, l0}
	cases := []struct {
		offset, limit int
		want          []*shopping.List
	}{
		{0, 0, all}, {1, 2, all[1:3]}, {4, 2, all[4:]}, {5, 2, nil}, {2, 0, all[2:]},
	}
	for _, c := range cases {
		got, total, err := s.Lists.List(t.Context(), a.ID, c.offset, c.limit)
		if err != nil {
			t.Fatalf("List(%d, %d): %v", c.offset, c.limit, err)
		}
		if got == nil || total != 5 || len(got) != len(c.want) {
			t.Errorf("List(%d, %d) = %d lists (nil: %v) of %d, want %d of 5", c.offset, c.limit, len(got),
				got == nil, total, len(c.want))
			continue
		}
		for i := range got {
			assertList(t, got[i], c.want[i])
		}
	}
}

func listsShared(t *testing.T, s Stores) {
	tag := storeTag()
	a, b := mustCreateUser(t, s, storeEmail(tag, "a")), mustCreateUser(t, s, storeEmail(tag, "b"))
	expired := sharedList(a.ID, 0, storeID())
	expired.Share.ExpiresAt = storeEpoch.Add(-time.Hour)
	mustSaveList(t, s, expired)
	mustSaveList(t, s, newList(a.ID, "", 1))
	shareID := expired.Share.ID
	assertShared(t, s, shareID, expired)
	for name, id := range map[string]string{"an unknown share id": storeID(), "the empty share id": ""} {
		_, err := s.Lists.Shared(t.Context(), id)
		assertCode(t, err, domain.ErrNotFound, "Shared of "+name)
	}
	expired.Share = nil
	mustSaveList(t, s, expired)
	_, err := s.Lists.Shared(t.Context(), shareID)
	assertCode(t, err, domain.ErrNotFound, "Shared after unsharing")
	reused := sharedList(b.ID, 2, shareID)
	mustSaveList(t, s, reused)
	assertShared(t, s, shareID, reused)
}

func assertShared(t *testing.T, s Stores, shareID string, want *shopping.List) {
	t.Helper()
	got, err := s.Lists.Shared(t.Context(), shareID)
	if err != nil {
		t.Fatalf("Shared: %v", err)
	}
	assertList(t, got, want)
}

func listsConflict(t *testing.T, s Stores) {
	tag := storeTag()
	a, b := mustCreateUser(t, s, storeEmail(tag, "a")), mustCreateUser(t, s, storeEmail(tag, "b"))
	shared := sharedList(a.ID, 0, storeID())
	mustSaveList(t, s, shared)
	dup := sharedList(b.ID, 1, shared.Share.ID)
	assertCode(t, s.Lists.Save(t.Context(), dup), domain.ErrConflict, "insert with a share id in use")
	mine := newList(b.ID, "", 2)
	mustSaveList(t, s, mine)
	taking := mustGetList(t, s, b.ID, mine.ID)
	taking.Share = &shopping.Share{ID: shared.Share.ID, ExpiresAt: storeEpoch}
	assertCode(t, s.Lists.Save(t.Context(), taking), domain.ErrConflict, "update to a share id in use")
	sameID := newList(b.ID, "", 3)
	sameID.ID = shared.ID
	assertCode(t, s.Lists.Save(t.Context(), sameID), domain.ErrConflict, "insert with a taken id")
	if dup.Version != 0 || taking.Version != 1 || sameID.Version != 0 {
		t.Errorf("refused saves changed versions to %d, %d, %d", dup.Version, taking.Version, sameID.Version)
	}
	_, err := s.Lists.Get(t.Context(), b.ID, dup.ID)
	assertCode(t, err, domain.ErrNotFound, "Get of the refused list")
	assertList(t, mustGetList(t, s, b.ID, mine.ID), mine)
	assertShared(t, s, shared.Share.ID, shared)
}

func listsStale(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "stale"))
	l := newList(u.ID, "", 0)
	mustSaveList(t, s, l)
	first, second := mustGetList(t, s, u.ID, l.ID), mustGetList(t, s, u.ID, l.ID)
	first.Items[1].Checked, first.Name = true, "first"
	mustSaveList(t, s, first)
	second.Name = "lost"
	assertCode(t, s.Lists.Save(t.Context(), second), domain.ErrConflict, "Save of a stale list")
	if first.Version != 2 || second.Version != 1 {
		t.Errorf("versions %d (saved) and %d (refused), want 2 and 1", first.Version, second.Version)
	}
	assertList(t, mustGetList(t, s, u.ID, l.ID), first)
}

func listsGone(t *testing.T, s Stores) {
	tag := storeTag()
	a, b := mustCreateUser(t, s, storeEmail(tag, "a")), mustCreateUser(t, s, storeEmail(tag, "b"))
	deletedPlan, othersPlan := newPlan(t, a.ID, week(0)), newPlan(t, b.ID, week(0))
	mustSavePlans(t, s, deletedPlan, othersPlan)
	deleted := newList(a.ID, "", 0)
	mustSaveList(t, s, deleted)
	for _, err := range []error{s.Lists.Delete(t.Context(), a.ID, deleted.ID),
		s.Plans.Delete(t.Context(), a.ID, deletedPlan.ID)} {
		if err != nil {
			t.Fatalf("Delete: %v", err)
		}
	}
	never := newList(a.ID, "", 1)
	never.Version = 2
	cases := []struct {
		name string
		l    *shopping.List
	}{
		{"a deleted list", deleted},
		{"a list never stored", never},
		{"a list of an unknown user", newList(storeID(), "", 2)},
		{"a list of an unknown plan", newList(a.ID, storeID(), 3)},
		{"a list of another user's plan", newList(a.ID, othersPlan.ID, 4)},
		{"a list of a deleted plan", newList(a.ID, deletedPlan.ID, 5)},
	}
	for _, c := range cases {
		assertCode(t, s.Lists.Save(t.Context(), c.l), domain.ErrNotFound, "Save of "+c.name)
	}
	if _, total, err := s.Lists.List(t.Context(), a.ID, 0, 0); err != nil || total != 0 {
		t.Errorf("List = %d lists, %v; want none", total, err)
	}
}

// planRows are a user's plan and lists, one of them shared, which erasing
// the user must remove.
type planRows struct {
	userID, planID, listID, shareID string
}

func mustPlanRows(t *testing.T, s Stores, userID string) planRows {
	t.Helper()
	p := newPlan(t, userID, planWeek, meal{1, planning.Dinner, 101})
	mustSavePlans(t, s, p)
	l, shared := newList(userID, p.ID, 0), sharedList(userID, 1, storeID())
	mustSaveList(t, s, l)
	mustSaveList(t, s, shared)
	return planRows{userID: userID, planID: p.ID, listID: l.ID, shareID: shared.Share.ID}
}

// assertPlanRows checks that the rows are all there (present) or all gone.
func assertPlanRows(t *testing.T, s Stores, rows planRows, present bool) {
	t.Helper()
	ctx := t.Context()
	_, planErr := s.Plans.Get(ctx, rows.userID, rows.planID)
	_, listErr := s.Lists.Get(ctx, rows.userID, rows.listID)
	_, sharedErr := s.Lists.Shared(ctx, rows.shareID)
	for name, err := range map[string]error{"plan": planErr, "list": listErr, "shared list": sharedErr} {
		if (err == nil) != present {
			t.Errorf("%s lookup: %v; want present=%v", name, err, present)
		}
	}
	planned, err := s.Plans.Planned(ctx, rows.userID, planWeek)
	_, lists, listsErr := s.Lists.List(ctx, rows.userID, 0, 0)
	if err != nil || listsErr != nil || (len(planned) == 1) != present || (lists == 2) != present {
		t.Errorf("Planned = %v, %v; List total %d, %v; want present=%v", planned, err, lists, listsErr, present)
	}
}
