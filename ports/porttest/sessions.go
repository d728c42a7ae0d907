package porttest

import (
	"errors"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/session"
)

// SessionRepository runs the contract of ports.SessionRepository.
func SessionRepository(t *testing.T, newStores func(t *testing.T) Stores) {
	t.Helper()
	run := func(name string, test func(*testing.T, Stores)) {
		t.Run(name, func(t *testing.T) { test(t, newStores(t)) })
	}
	run("create then list keeps every field", sessionsRoundTrip)
	run("a taken token hash is a conflict", sessionsConflict)
	run("rotate stores the change and the successor", sessionsRotate)
	run("rotate without a successor stores the change", sessionsRotateRevoke)
	run("rotate whose closure fails changes nothing", sessionsRotateRefused)
	run("rotate of an unknown hash is not found", sessionsRotateUnknown)
	run("concurrent rotations of one token make one successor", sessionsRotateConcurrent)
	run("revoke a family", sessionsRevokeFamily)
	run("revoke a user's sessions but one family", sessionsRevokeUser)
	run("list active leaves out expired, rotated and revoked", sessionsListActive)
}

func sessionsRoundTrip(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "sess"))
	want := session.Start(storeID(), u.ID, session.HashToken(storeID()), true, storeEpoch)
	if err := s.Sessions.Create(t.Context(), want); err != nil {
		t.Fatalf("Create: %v", err)
	}
	active, err := s.Sessions.ListActive(t.Context(), u.ID, storeEpoch)
	if err != nil || len(active) != 1 {
		t.Fatalf("ListActive = %v, %v; want the session", active, err)
	}
	assertSession(t, active[0], want)
	got, err := peekSession(t, s, want.TokenHash)
	if err != nil {
		t.Fatalf("peek: %v", err)
	}
	assertSession(t, got, want)
}

func sessionsConflict(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "dup"))
	first := mustStartSession(t, s, u.ID, storeEpoch)
	dup := session.Start(storeID(), u.ID, first.TokenHash, false, storeEpoch)
	assertCode(t, s.Sessions.Create(t.Context(), dup), domain.ErrConflict, "Create with a taken hash")
}

// rotateAt is the refresh flow of the application: rotate a valid token,
// refuse a reused or invalid one.
func rotateAt(t *testing.T, s Stores, hash string, now time.Time) (*session.Session, error) {
	var next *session.Session
	err := s.Sessions.Rotate(t.Context(), hash, func(cur *session.Session) (*session.Session, error) {
		switch cur.Check(now) {
		case session.Reused:
			return nil, errSessionReused
		case session.Invalid:
			return nil, errSessionInvalid
		}
		n := cur.Successor(storeID(), session.HashToken(storeID()), now)
		next = &n
		return next, nil
	})
	return next, err
}

var (
	errSessionReused  = errors.New("porttest: token reused")
	errSessionInvalid = errors.New("porttest: token invalid")
)

func sessionsRotate(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "rot"))
	first := mustStartSession(t, s, u.ID, storeEpoch)
	now := storeEpoch.Add(time.Hour)
	next, err := rotateAt(t, s, first.TokenHash, now)
	if err != nil {
		t.Fatalf("Rotate: %v", err)
	}
	old, _ := peekSession(t, s, first.TokenHash)
	wantOld := first
	wantOld.RotatedAt = &now
	assertSession(t, old, wantOld)
	active, _ := s.Sessions.ListActive(t.Context(), u.ID, now)
	if len(active) != 1 {
		t.Fatalf("ListActive after rotation = %d sessions, want the successor only", len(active))
	}
	assertSession(t, active[0], *next)
	if _, err := rotateAt(t, s, first.TokenHash, now); err != errSessionReused {
		t.Errorf("rotating the old token again: %v, want the closure to see it rotated", err)
	}
	if _, err := rotateAt(t, s, next.TokenHash, now.Add(time.Minute)); err != nil {
		t.Errorf("rotating the successor: %v", err)
	}
}

func sessionsRotateRevoke(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "logout"))
	first := mustStartSession(t, s, u.ID, storeEpoch)
	err := s.Sessions.Rotate(t.Context(), first.TokenHash, func(cur *session.Session) (*session.Session, error) {
		cur.Revoke(storeEpoch)
		return nil, nil
	})
	if err != nil {
		t.Fatalf("Rotate: %v", err)
	}
	got, _ := peekSession(t, s, first.TokenHash)
	want := first
	want.RevokedAt = &storeEpoch
	assertSession(t, got, want)
	if active, _ := s.Sessions.ListActive(t.Context(), u.ID, storeEpoch); len(active) != 0 {
		t.Errorf("ListActive after revocation = %d sessions, want none", len(active))
	}
}

func sessionsRotateRefused(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "refuse"))
	first := mustStartSession(t, s, u.ID, storeEpoch)
	err := s.Sessions.Rotate(t.Context(), first.TokenHash, func(cur *session.Session) (*session.Session, error) {
		n := cur.Successor(storeID(), session.HashToken(storeID()), storeEpoch)
		return &n, errStoreClosure
	})
	if err != errStoreClosure {
		t.Fatalf("Rotate returned %v, want the closure's error as is", err)
	}
	got, _ := peekSession(t, s, first.TokenHash)
	assertSession(t, got, first)
	if active, _ := s.Sessions.ListActive(t.Context(), u.ID, storeEpoch); len(active) != 1 {
		t.Errorf("ListActive = %d sessions, want the untouched one", len(active))
	}
}

func sessionsRotateUnknown(t *testing.T, s Stores) {
	called := false
	err := s.Sessions.Rotate(t.Context(), session.HashToken(storeID()), func(*session.Session) (*session.Session, error) {
		called = true
		return nil, nil
	})
	assertCode(t, err, domain.ErrNotFound, "Rotate unknown")
	if called {
		t.Error("the closure ran for an unknown token")
	}
}

func sessionsRotateConcurrent(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "race"))
	first := mustStartSession(t, s, u.ID, storeEpoch)
	const n = 8
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := rotateAt(t, s, first.TokenHash, storeEpoch.Add(time.Minute))
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	won, reused := 0, 0
	for err := range errs {
		switch err {
		case nil:
			won++
		case errSessionReused:
			reused++
		default:
			t.Errorf("concurrent Rotate: %v", err)
		}
	}
	active, _ := s.Sessions.ListActive(t.Context(), u.ID, storeEpoch.Add(time.Minute))
	if won != 1 || reused != n-1 || len(active) != 1 {
		t.Errorf("%d rotations won, %d saw the token rotated, %d active; want 1, %d, 1", won, reused, len(active), n-1)
	}
}

func sessionsRevokeFamily(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "fam"))
	first := mustStartSession(t, s, u.ID, storeEpoch)
	other := mustStartSession(t, s, u.ID, storeEpoch)
	next, err := rotateAt(t, s, first.TokenHash, storeEpoch.Add(time.Minute))
	if err != nil {
		t.Fatalf("Rotate: %v", err)
	}
	at := storeEpoch.Add(2 * time.Minute)
	for range 2 { // revoking twice is harmless
		userID, err := s.Sessions.RevokeFamily(t.Context(), first.FamilyID, at)
		if err != nil || userID != u.ID {
			t.Fatalf("RevokeFamily = %q, %v; want %q", userID, err, u.ID)
		}
	}
	assertRevokedAt(t, s, at, first.TokenHash, next.TokenHash)
	active, _ := s.Sessions.ListActive(t.Context(), u.ID, at)
	if len(active) != 1 || active[0].ID != other.ID {
		t.Errorf("ListActive = %+v, want only the other family", active)
	}
	_, err = s.Sessions.RevokeFamily(t.Context(), storeID(), at)
	assertCode(t, err, domain.ErrNotFound, "RevokeFamily unknown")
}

// assertRevokedAt checks that the tokens were revoked at the given time.
func assertRevokedAt(t *testing.T, s Stores, at time.Time, hashes ...string) {
	t.Helper()
	for _, hash := range hashes {
		if got, _ := peekSession(t, s, hash); got.RevokedAt == nil || !storedTime(at).Equal(*got.RevokedAt) {
			t.Errorf("token of the family: RevokedAt = %v, want %v", got.RevokedAt, at)
		}
	}
}

func sessionsRevokeUser(t *testing.T, s Stores) {
	tag := storeTag()
	u := mustCreateUser(t, s, storeEmail(tag, "all"))
	bystander := mustCreateUser(t, s, storeEmail(tag, "bystander"))
	a, b, keep := mustStartSession(t, s, u.ID, storeEpoch), mustStartSession(t, s, u.ID, storeEpoch),
		mustStartSession(t, s, u.ID, storeEpoch)
	if _, err := rotateAt(t, s, a.TokenHash, storeEpoch.Add(time.Minute)); err != nil {
		t.Fatalf("Rotate: %v", err)
	}
	theirs := mustStartSession(t, s, bystander.ID, storeEpoch)
	at := storeEpoch.Add(2 * time.Minute)
	families, err := s.Sessions.RevokeUser(t.Context(), u.ID, keep.FamilyID, at)
	want := []string{a.FamilyID, b.FamilyID}
	if want[0] > want[1] {
		want[0], want[1] = want[1], want[0]
	}
	if err != nil || !reflect.DeepEqual(families, want) {
		t.Fatalf("RevokeUser = %v, %v; want %v", families, err, want)
	}
	active, _ := s.Sessions.ListActive(t.Context(), u.ID, at)
	if len(active) != 1 || active[0].ID != keep.ID {
		t.Errorf("ListActive = %+v, want only the kept family", active)
	}
	assertRevokedAgain(t, s, u.ID, keep.FamilyID, at)
	if got, _ := s.Sessions.ListActive(t.Context(), bystander.ID, at); len(got) != 1 || got[0].ID != theirs.ID {
		t.Errorf("another user's sessions changed: %+v", got)
	}
}

// assertRevokedAgain revokes again: nothing more to revoke but keepFamily,
// then that too.
func assertRevokedAgain(t *testing.T, s Stores, userID, keepFamily string, at time.Time) {
	t.Helper()
	again, err := s.Sessions.RevokeUser(t.Context(), userID, keepFamily, at)
	if err != nil || !reflect.DeepEqual(again, []string{}) {
		t.Errorf("RevokeUser again = %#v, %v; want an empty list", again, err)
	}
	all, err := s.Sessions.RevokeUser(t.Context(), userID, "", at)
	if err != nil || !reflect.DeepEqual(all, []string{keepFamily}) {
		t.Errorf("RevokeUser keeping none = %v, %v; want the kept family", all, err)
	}
}

func sessionsListActive(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "list"))
	now := storeEpoch.Add(8 * 24 * time.Hour)
	expired := mustStartSession(t, s, u.ID, storeEpoch) // 7-day lifetime: over at now
	revoked := mustStartSession(t, s, u.ID, now.Add(-3*time.Hour))
	if _, err := s.Sessions.RevokeFamily(t.Context(), revoked.FamilyID, now.Add(-time.Hour)); err != nil {
		t.Fatalf("RevokeFamily: %v", err)
	}
	rotated := mustStartSession(t, s, u.ID, now.Add(-2*time.Hour))
	successor, err := rotateAt(t, s, rotated.TokenHash, now.Add(-time.Hour))
	if err != nil {
		t.Fatalf("Rotate: %v", err)
	}
	live := mustStartSession(t, s, u.ID, now.Add(-time.Minute))
	active, err := s.Sessions.ListActive(t.Context(), u.ID, now)
	if err != nil || len(active) != 2 {
		t.Fatalf("ListActive = %+v, %v; want the successor and the live one", active, err)
	}
	assertSession(t, active[0], *successor)
	assertSession(t, active[1], live)
	if got, _ := s.Sessions.ListActive(t.Context(), u.ID, expired.ExpiresAt); len(got) != 2 {
		t.Errorf("a token is no longer active at its expiry time: got %d sessions, want 2", len(got))
	}
}
