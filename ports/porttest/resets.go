package porttest

import (
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/session"
	"github.com/mealplanner/backend/domain/user"
)

// PasswordResetRepository runs the contract of ports.PasswordResetRepository.
func PasswordResetRepository(t *testing.T, newStores func(t *testing.T) Stores) {
	t.Helper()
	run := func(name string, test func(*testing.T, Stores)) {
		t.Run(name, func(t *testing.T) { test(t, newStores(t)) })
	}
	run("consume returns the token once", resetsConsumeOnce)
	run("an expired token is not found", resetsExpired)
	run("an unknown token is not found", resetsUnknown)
	run("a taken token hash is a conflict", resetsConflict)
	run("concurrent consumes: exactly one wins", resetsConcurrent)
}

func mustCreateReset(t *testing.T, s Stores, now time.Time) user.PasswordReset {
	t.Helper()
	u := mustCreateUser(t, s, storeEmail(storeTag(), "reset"))
	r := user.NewPasswordReset(session.HashToken(storeID()), u.ID, now)
	if err := s.Resets.Create(t.Context(), r); err != nil {
		t.Fatalf("Resets.Create: %v", err)
	}
	return r
}

func resetsConsumeOnce(t *testing.T, s Stores) {
	r := mustCreateReset(t, s, storeEpoch)
	now := storeEpoch.Add(30 * time.Minute)
	got, err := s.Resets.Consume(t.Context(), r.TokenHash, now)
	if err != nil {
		t.Fatalf("Consume: %v", err)
	}
	want := user.PasswordReset{TokenHash: r.TokenHash, UserID: r.UserID, CreatedAt: storedTime(r.CreatedAt),
		ExpiresAt: storedTime(r.ExpiresAt)}
	used := storedTime(now)
	want.UsedAt = &used
	if got.UsedAt == nil || got.CreatedAt.Location() != time.UTC {
		t.Fatalf("Consume = %+v; want UsedAt set and times in UTC", got)
	}
	g := got
	g.CreatedAt, g.ExpiresAt = sameInstant(got.CreatedAt), sameInstant(got.ExpiresAt)
	usedGot := sameInstant(*got.UsedAt)
	g.UsedAt = &usedGot
	if !reflect.DeepEqual(g, want) {
		t.Errorf("Consume = %+v, want %+v", g, want)
	}
	_, err = s.Resets.Consume(t.Context(), r.TokenHash, now)
	assertCode(t, err, domain.ErrNotFound, "second Consume")
}

func resetsExpired(t *testing.T, s Stores) {
	r := mustCreateReset(t, s, storeEpoch)
	_, err := s.Resets.Consume(t.Context(), r.TokenHash, r.ExpiresAt)
	assertCode(t, err, domain.ErrNotFound, "Consume at expiry")
	_, err = s.Resets.Consume(t.Context(), r.TokenHash, r.ExpiresAt.Add(time.Hour))
	assertCode(t, err, domain.ErrNotFound, "Consume after expiry")
	if _, err := s.Resets.Consume(t.Context(), r.TokenHash, r.ExpiresAt.Add(-time.Millisecond)); err != nil {
		t.Errorf("Consume just before expiry: %v (a refused expired token must stay usable)", err)
	}
}

func resetsUnknown(t *testing.T, s Stores) {
	_, err := s.Resets.Consume(t.Context(), session.HashToken(storeID()), storeEpoch)
	assertCode(t, err, domain.ErrNotFound, "Consume unknown")
}

func resetsConflict(t *testing.T, s Stores) {
	r := mustCreateReset(t, s, storeEpoch)
	assertCode(t, s.Resets.Create(t.Context(), r), domain.ErrConflict, "Create with a taken hash")
}

func resetsConcurrent(t *testing.T, s Stores) {
	r := mustCreateReset(t, s, storeEpoch)
	const n = 8
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.Resets.Consume(t.Context(), r.TokenHash, storeEpoch.Add(time.Minute))
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	won := 0
	for err := range errs {
		switch {
		case err == nil:
			won++
		case !domain.IsCode(err, domain.CodeNotFound):
			t.Errorf("concurrent Consume: %v", err)
		}
	}
	if won != 1 {
		t.Errorf("%d of %d concurrent Consumes succeeded, want exactly 1", won, n)
	}
}
