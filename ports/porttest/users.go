package porttest

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

// UserRepository runs the contract of ports.UserRepository. Erasure is
// checked across the other repositories of the same Stores.
func UserRepository(t *testing.T, newStores func(t *testing.T) Stores) {
	t.Helper()
	run := func(name string, test func(*testing.T, Stores)) {
		t.Run(name, func(t *testing.T) { test(t, newStores(t)) })
	}
	run("create then get keeps every field", usersRoundTrip)
	run("a new user keeps empty lists and unset fields", usersDefaults)
	run("values are copied in and out", usersCopies)
	run("a taken email or id is a conflict", usersConflict)
	run("unknown id or email is not found", usersNotFound)
	run("update applies the closure", usersUpdate)
	run("update whose closure fails changes nothing", usersUpdateRefused)
	run("update to a taken email is a conflict", usersUpdateConflict)
	run("update of an unknown user is not found", usersUpdateUnknown)
	run("concurrent updates lose no change", usersUpdateConcurrent)
	run("list searches, filters, pages and counts", usersList)
	run("erase removes personal rows and frees the email", usersErase)
	run("erase whose closure fails changes nothing", usersEraseRefused)
	run("erase of an unknown or erased user is not found", usersEraseUnknown)
}

func usersRoundTrip(t *testing.T, s Stores) {
	want := fullUser(storeID(), storeEmail(storeTag(), "ada"))
	if err := s.Users.Create(t.Context(), want); err != nil {
		t.Fatalf("Create: %v", err)
	}
	got, err := s.Users.Get(t.Context(), want.ID)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	assertUser(t, got, want)
	got, err = s.Users.GetByEmail(t.Context(), want.Email)
	if err != nil {
		t.Fatalf("GetByEmail: %v", err)
	}
	assertUser(t, got, want)
}

func usersDefaults(t *testing.T, s Stores) {
	want := mustCreateUser(t, s, storeEmail(storeTag(), "new"))
	got, err := s.Users.Get(t.Context(), want.ID)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	assertUser(t, got, want)
	p := got.Preferences
	for _, l := range [][]string{p.Dietary, p.Allergies, p.DislikedIngredients, p.FavoriteCuisines} {
		if l == nil {
			t.Errorf("preference lists must be empty, not nil: %+v", p)
		}
	}
	if p.MaxPrepTime != nil || p.NutritionTargets != nil || got.LastLoginAt != nil || got.DeletedAt != nil {
		t.Errorf("unset optional fields came back set: %+v", got)
	}
}

func usersCopies(t *testing.T, s Stores) {
	in := fullUser(storeID(), storeEmail(storeTag(), "copy"))
	want := fullUser(in.ID, in.Email)
	if err := s.Users.Create(t.Context(), in); err != nil {
		t.Fatalf("Create: %v", err)
	}
	in.Name, in.Preferences.Dietary[0], *in.Preferences.MaxPrepTime = "changed", "Keto", 5
	got, _ := s.Users.Get(t.Context(), want.ID)
	got.Preferences.Allergies[0], got.Preferences.NutritionTargets.Calories = "Soy", 1
	*got.LastLoginAt = time.Time{}
	again, err := s.Users.Get(t.Context(), want.ID)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	assertUser(t, again, want)
}

func usersConflict(t *testing.T, s Stores) {
	tag := storeTag()
	first := mustCreateUser(t, s, storeEmail(tag, "taken"))
	same := fullUser(storeID(), first.Email)
	assertCode(t, s.Users.Create(t.Context(), same), domain.ErrConflict, "Create with a taken email")
	sameID := fullUser(first.ID, storeEmail(tag, "other"))
	assertCode(t, s.Users.Create(t.Context(), sameID), domain.ErrConflict, "Create with a taken id")
	got, err := s.Users.GetByEmail(t.Context(), first.Email)
	if err != nil {
		t.Fatalf("GetByEmail: %v", err)
	}
	assertUser(t, got, first)
}

func usersNotFound(t *testing.T, s Stores) {
	_, err := s.Users.Get(t.Context(), storeID())
	assertCode(t, err, domain.ErrNotFound, "Get unknown")
	_, err = s.Users.GetByEmail(t.Context(), storeEmail(storeTag(), "nobody"))
	assertCode(t, err, domain.ErrNotFound, "GetByEmail unknown")
}

func usersUpdate(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "upd"))
	later := storeEpoch.Add(time.Hour)
	saved, err := s.Users.Update(t.Context(), u.ID, func(cur *user.User) error {
		assertUser(t, cur, u)
		cur.CompleteOnboarding(later)
		prep := 30
		cur.Preferences.MaxPrepTime = &prep
		cur.Preferences.Dietary = []string{"Vegetarian"}
		cur.LastLoginAt = &later
		return cur.Rename("Grace Hopper", later)
	})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	prep := 30
	want := *u
	want.Name, want.HasCompletedOnboarding, want.UpdatedAt, want.LastLoginAt = "Grace Hopper", true, later, &later
	want.Preferences.MaxPrepTime, want.Preferences.Dietary = &prep, []string{"Vegetarian"}
	assertUser(t, saved, &want)
	got, err := s.Users.Get(t.Context(), u.ID)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	assertUser(t, got, &want)
}

func usersUpdateRefused(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "refused"))
	_, err := s.Users.Update(t.Context(), u.ID, func(cur *user.User) error {
		cur.Name = "half done"
		cur.Lockout.FailedAttempts = 9
		return errStoreClosure
	})
	if err != errStoreClosure {
		t.Fatalf("Update returned %v, want the closure's error as is", err)
	}
	got, _ := s.Users.Get(t.Context(), u.ID)
	assertUser(t, got, u)
}

func usersUpdateConflict(t *testing.T, s Stores) {
	tag := storeTag()
	a := mustCreateUser(t, s, storeEmail(tag, "a"))
	b := mustCreateUser(t, s, storeEmail(tag, "b"))
	_, err := s.Users.Update(t.Context(), b.ID, func(cur *user.User) error {
		cur.Name = "renamed too"
		return cur.ChangeEmail(a.Email, storeEpoch)
	})
	assertCode(t, err, domain.ErrConflict, "Update to a taken email")
	got, _ := s.Users.Get(t.Context(), b.ID)
	assertUser(t, got, b)
}

func usersUpdateUnknown(t *testing.T, s Stores) {
	called := false
	_, err := s.Users.Update(t.Context(), storeID(), func(*user.User) error { called = true; return nil })
	assertCode(t, err, domain.ErrNotFound, "Update unknown")
	if called {
		t.Error("the closure ran for an unknown user")
	}
}

func usersUpdateConcurrent(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "race"))
	const n = 10
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.Users.Update(t.Context(), u.ID, func(cur *user.User) error {
				cur.Lockout.FailedAttempts++
				return nil
			})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("concurrent Update: %v", err)
		}
	}
	got, _ := s.Users.Get(t.Context(), u.ID)
	if got.Lockout.FailedAttempts != n {
		t.Errorf("FailedAttempts = %d after %d concurrent increments", got.Lockout.FailedAttempts, n)
	}
}

func usersList(t *testing.T, s Stores) {
	tag := storeTag()
	us := mustCreateUsers(t, s, tag, user.RoleUser, user.RoleAdmin, user.RoleUser, user.RoleAdmin, user.RoleUser)
	gone := mustCreateUsers(t, s, tag+"x", user.RoleUser)[0]
	err := s.Users.Erase(t.Context(), gone.ID, func(u *user.User) error {
		u.DeletedAt = &storeEpoch // erased but, unusually, not anonymised: still excluded
		return nil
	})
	if err != nil {
		t.Fatalf("Erase: %v", err)
	}
	cases := []struct {
		name  string
		q     ports.UserQuery
		want  []*user.User
		total int
	}{
		{"all of the tag, newest first", ports.UserQuery{Search: tag}, []*user.User{us[4], us[3], us[2], us[1], us[0]}, 5},
		{"name, any case", ports.UserQuery{Search: "MEMBER 2 OF " + strings.ToUpper(tag)}, []*user.User{us[2]}, 1},
		{"email, any case", ports.UserQuery{Search: "USER1." + strings.ToUpper(tag)}, []*user.User{us[1]}, 1},
		{"role", ports.UserQuery{Search: tag, Role: user.RoleAdmin}, []*user.User{us[3], us[1]}, 2},
		{"page", ports.UserQuery{Search: tag, Offset: 1, Limit: 2}, []*user.User{us[3], us[2]}, 5},
		{"offset without a limit", ports.UserQuery{Search: tag, Offset: 3}, []*user.User{us[1], us[0]}, 5},
		{"past the end", ports.UserQuery{Search: tag, Offset: 10, Limit: 2}, []*user.User{}, 5},
		{"_ is not a wildcard", ports.UserQuery{Search: "member _ of " + tag}, []*user.User{}, 0},
		{"% is not a wildcard", ports.UserQuery{Search: "%" + tag}, []*user.User{}, 0},
	}
	for _, c := range cases {
		got, total, err := s.Users.List(t.Context(), c.q)
		if err != nil {
			t.Fatalf("%s: List: %v", c.name, err)
		}
		if total != c.total || len(got) != len(c.want) {
			t.Errorf("%s: got %d users of %d, want %d of %d", c.name, len(got), total, len(c.want), c.total)
			continue
		}
		for i := range got {
			assertUser(t, got[i], c.want[i])
		}
	}
}

func usersErase(t *testing.T, s Stores) {
	tag := storeTag()
	victim := mustCreateUser(t, s, storeEmail(tag, "victim"))
	other := mustCreateUser(t, s, storeEmail(tag, "other"))
	victimRows, otherRows := mustPersonalRows(t, s, victim.ID), mustPersonalRows(t, s, other.ID)
	victimPlans, otherPlans := mustPlanRows(t, s, victim.ID), mustPlanRows(t, s, other.ID)
	later := storeEpoch.Add(time.Hour)
	err := s.Users.Erase(t.Context(), victim.ID, func(u *user.User) error { u.Anonymise(later); return nil })
	if err != nil {
		t.Fatalf("Erase: %v", err)
	}
	_, err = s.Users.Get(t.Context(), victim.ID)
	assertCode(t, err, domain.ErrNotFound, "Get erased")
	_, err = s.Users.GetByEmail(t.Context(), victim.Email)
	assertCode(t, err, domain.ErrNotFound, "GetByEmail erased")
	assertPersonalRows(t, s, victim.ID, victimRows, false)
	assertPersonalRows(t, s, other.ID, otherRows, true)
	assertPlanRows(t, s, victimPlans, false)
	assertPlanRows(t, s, otherPlans, true)
	again := mustCreateUser(t, s, victim.Email)
	if got, err := s.Users.GetByEmail(t.Context(), victim.Email); err != nil || got.ID != again.ID {
		t.Errorf("GetByEmail after re-registering = %v, %v; want the new user", got, err)
	}
}

func usersEraseRefused(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "keep"))
	rows, plans := mustPersonalRows(t, s, u.ID), mustPlanRows(t, s, u.ID)
	err := s.Users.Erase(t.Context(), u.ID, func(cur *user.User) error {
		cur.Anonymise(storeEpoch)
		return errStoreClosure
	})
	if err != errStoreClosure {
		t.Fatalf("Erase returned %v, want the closure's error as is", err)
	}
	got, err := s.Users.Get(t.Context(), u.ID)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	assertUser(t, got, u)
	assertPersonalRows(t, s, u.ID, rows, true)
	assertPlanRows(t, s, plans, true)
}

func usersEraseUnknown(t *testing.T, s Stores) {
	anonymise := func(u *user.User) error { u.Anonymise(storeEpoch); return nil }
	assertCode(t, s.Users.Erase(t.Context(), storeID(), anonymise), domain.ErrNotFound, "Erase unknown")
	u := mustCreateUser(t, s, storeEmail(storeTag(), "twice"))
	if err := s.Users.Erase(t.Context(), u.ID, anonymise); err != nil {
		t.Fatalf("Erase: %v", err)
	}
	assertCode(t, s.Users.Erase(t.Context(), u.ID, anonymise), domain.ErrNotFound, "Erase twice")
	_, err := s.Users.Update(t.Context(), u.ID, func(*user.User) error { return nil })
	assertCode(t, err, domain.ErrNotFound, "Update erased")
}
