package user

import (
	"fmt"
	"time"

	"github.com/mealplanner/backend/domain"
)

// Lockout rules: the third consecutive failed login locks the account for
// five minutes; a successful login clears the count.
const (
	MaxFailedLogins = 3
	LockDuration    = 5 * time.Minute
)

// Lockout tracks consecutive failed logins.
type Lockout struct {
	FailedAttempts int
	LastFailureAt  time.Time
	LockedUntil    time.Time
}

// Locked reports whether sign-in is refused at now.
func (l Lockout) Locked(now time.Time) bool { return now.Before(l.LockedUntil) }

// RecordFailure counts a failed attempt and reports whether it locked the
// account. Failures from before an expired lock no longer count.
func (l *Lockout) RecordFailure(now time.Time) (locked bool) {
	if !l.LockedUntil.IsZero() && !now.Before(l.LockedUntil) {
		*l = Lockout{}
	}
	l.FailedAttempts++
	l.LastFailureAt = now.UTC()
	if l.FailedAttempts >= MaxFailedLogins {
		l.LockedUntil = now.UTC().Add(LockDuration)
		return true
	}
	return false
}

// Reset clears the count after a successful login.
func (l *Lockout) Reset() { *l = Lockout{} }

// LockedError is the error every attempt during a lock answers: it names the
// minutes left (rounded up) and, as the frontend checks, says "locked".
func (l Lockout) LockedError(now time.Time) error {
	left := l.LockedUntil.Sub(now)
	minutes := int((left + time.Minute - 1) / time.Minute)
	if minutes < 1 {
		minutes = 1
	}
	seconds := int((left + time.Second - 1) / time.Second)
	return &domain.Error{
		Code:    domain.CodeAccountLocked,
		Message: fmt.Sprintf("account is locked. Please try again in %d minute(s)", minutes),
		Details: map[string]any{"retryAfter": seconds},
	}
}
