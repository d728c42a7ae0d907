package user_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/user"
)

func TestLockoutLocksOnThirdFailureForFiveMinutes(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	var l user.Lockout
	if l.RecordFailure(start) || l.RecordFailure(start.Add(time.Second)) {
		t.Fatal("locked before the third failure")
	}
	if l.Locked(start.Add(2 * time.Second)) {
		t.Fatal("locked after two failures")
	}
	third := start.Add(2 * time.Second)
	if !l.RecordFailure(third) {
		t.Fatal("third failure did not lock")
	}
	if !l.Locked(third.Add(4*time.Minute + 59*time.Second)) {
		t.Error("lock ended before five minutes")
	}
	if l.Locked(third.Add(5 * time.Minute)) {
		t.Error("lock lasted past five minutes")
	}
	err := l.LockedError(third.Add(30 * time.Second))
	var de *domain.Error
	if !asError(err, &de) || de.Code != domain.CodeAccountLocked {
		t.Fatalf("LockedError = %v, want ACCOUNT_LOCKED", err)
	}
	if !strings.Contains(de.Message, "locked") || !strings.Contains(de.Message, "5 minute(s)") {
		t.Errorf("message %q should say locked and 5 minute(s) (4m30s rounded up)", de.Message)
	}
	if de.Details["retryAfter"] != 270 {
		t.Errorf("retryAfter = %v, want 270", de.Details["retryAfter"])
	}
}

func TestLockoutCountRestartsAfterLockExpires(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	var l user.Lockout
	for range 3 {
		l.RecordFailure(now)
	}
	later := now.Add(6 * time.Minute)
	if l.RecordFailure(later) {
		t.Fatal("first failure after an expired lock locked again")
	}
	if l.FailedAttempts != 1 {
		t.Errorf("FailedAttempts = %d after expiry, want 1", l.FailedAttempts)
	}
}

func TestLockoutResetClearsCount(t *testing.T) {
	t.Parallel()
	now := time.Now()
	var l user.Lockout
	l.RecordFailure(now)
	l.RecordFailure(now)
	l.Reset()
	if l.RecordFailure(now) {
		t.Fatal("a success should have reset the count")
	}
}

func asError(err error, target **domain.Error) bool {
	e, ok := err.(*domain.Error)
	if ok {
		*target = e
	}
	return ok
}
