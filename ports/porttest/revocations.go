package porttest

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/ports"
)

// RevocationList runs the contract of ports.RevocationList against the list
// that newList builds, fresh for every subtest. It runs on real time, so real
// adapters can take it: expiries are short, waits generous, and no assertion
// depends on how fast the machine is.
func RevocationList(t *testing.T, newList func(t *testing.T) ports.RevocationList) {
	t.Helper()
	t.Run("a revoked id is reported and others are not", func(t *testing.T) { revokedOne(t, newList(t)) })
	t.Run("any of several ids", func(t *testing.T) { revokedAnyOf(t, newList(t)) })
	t.Run("several ids revoked at once", func(t *testing.T) { revokedSeveral(t, newList(t)) })
	t.Run("no ids are never revoked", func(t *testing.T) { revokedNone(t, newList(t)) })
	t.Run("a time already past stores nothing", func(t *testing.T) { revokedPast(t, newList(t)) })
	t.Run("a revocation expires", func(t *testing.T) { revokedExpires(t, newList(t)) })
	t.Run("a shorter revocation does not shorten a longer one", func(t *testing.T) { revokedNotShortened(t, newList(t)) })
	t.Run("concurrent revokes and checks", func(t *testing.T) { revokedConcurrently(t, newList(t)) })
}

func revokedOne(t *testing.T, l ports.RevocationList) {
	mustRevoke(t, l, time.Now().Add(time.Hour), "jti-1")
	assertRevoked(t, l, true, "jti-1")
	assertRevoked(t, l, false, "jti-2")
	assertRevoked(t, l, false, "jti-10")
}

func revokedAnyOf(t *testing.T, l ports.RevocationList) {
	mustRevoke(t, l, time.Now().Add(time.Hour), "session-a")
	assertRevoked(t, l, true, "jti-x", "session-a")
	assertRevoked(t, l, true, "session-a", "jti-x")
	assertRevoked(t, l, false, "jti-x", "session-b")
}

func revokedSeveral(t *testing.T, l ports.RevocationList) {
	mustRevoke(t, l, time.Now().Add(time.Hour), "s-1", "s-2", "s-3")
	for _, id := range []string{"s-1", "s-2", "s-3"} {
		assertRevoked(t, l, true, id)
	}
	assertRevoked(t, l, false, "s-4")
}

func revokedNone(t *testing.T, l ports.RevocationList) {
	mustRevoke(t, l, time.Now().Add(time.Hour))
	mustRevoke(t, l, time.Now().Add(time.Hour), "other")
	assertRevoked(t, l, false)
}

func revokedPast(t *testing.T, l ports.RevocationList) {
	mustRevoke(t, l, time.Now().Add(-time.Second), "old")
	assertRevoked(t, l, false, "old")
}

func revokedExpires(t *testing.T, l ports.RevocationList) {
	until := time.Now().Add(250 * time.Millisecond)
	mustRevoke(t, l, until, "short")
	revoked := revokedNow(t, l, "short")
	if !revoked && time.Now().Before(until) {
		t.Fatal("revocation ended before its time")
	}
	pollExpiry(t, 5*time.Second, "revocation to expire", func() bool { return !revokedNow(t, l, "short") })
}

func revokedNotShortened(t *testing.T, l ports.RevocationList) {
	mustRevoke(t, l, time.Now().Add(time.Hour), "long")
	mustRevoke(t, l, time.Now().Add(150*time.Millisecond), "long")
	time.Sleep(400 * time.Millisecond)
	assertRevoked(t, l, true, "long")
}

func revokedConcurrently(t *testing.T, l ports.RevocationList) {
	const workers = 16
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for i := range workers {
		wg.Go(func() {
			id := fmt.Sprintf("c-%d", i)
			if err := l.Revoke(t.Context(), time.Now().Add(time.Hour), id); err != nil {
				errs <- err
				return
			}
			revoked, err := l.AnyRevoked(t.Context(), "never", id)
			if err == nil && !revoked {
				err = fmt.Errorf("%s not revoked after Revoke returned", id)
			}
			if err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func mustRevoke(t *testing.T, l ports.RevocationList, until time.Time, ids ...string) {
	t.Helper()
	if err := l.Revoke(t.Context(), until, ids...); err != nil {
		t.Fatalf("Revoke(%v): %v", ids, err)
	}
}

func revokedNow(t *testing.T, l ports.RevocationList, ids ...string) bool {
	t.Helper()
	revoked, err := l.AnyRevoked(t.Context(), ids...)
	if err != nil {
		t.Fatalf("AnyRevoked(%v): %v", ids, err)
	}
	return revoked
}

func assertRevoked(t *testing.T, l ports.RevocationList, want bool, ids ...string) {
	t.Helper()
	if got := revokedNow(t, l, ids...); got != want {
		t.Errorf("AnyRevoked(%v) = %v, want %v", ids, got, want)
	}
}

// pollExpiry polls cond until it holds, failing the test after timeout. Expiry is
// checked this way because a busy machine may be late, never early.
func pollExpiry(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting %v for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
