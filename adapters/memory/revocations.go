package memory

import (
	"context"
	"sync"
	"time"

	"github.com/mealplanner/backend/ports"
)

var _ ports.RevocationList = (*RevocationList)(nil)

// RevocationList is an in-process ports.RevocationList: the single-instance
// token blacklist and the tests' fake. Expired revocations are dropped now and
// then, so memory stays bounded by the revocations still in force. It is safe
// for concurrent use.
type RevocationList struct {
	now   func() time.Time
	mu    sync.Mutex
	until map[string]time.Time
	sweep expirySweeper
}

// NewRevocationList returns an empty list that reads the time from now (nil:
// time.Now).
func NewRevocationList(now func() time.Time) *RevocationList {
	return &RevocationList{now: timeSource(now), until: map[string]time.Time{}}
}

// Revoke records the ids as revoked until the given time; ids whose time has
// already passed are not stored, and a later revocation never shortens an
// earlier one.
func (r *RevocationList) Revoke(_ context.Context, until time.Time, ids ...string) error {
	now := r.now()
	if !until.After(now) {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.sweep.due(now, len(r.until)) {
		for id, u := range r.until {
			if !now.Before(u) {
				delete(r.until, id)
			}
		}
		r.sweep.done(now, len(r.until))
	}
	for _, id := range ids {
		if until.After(r.until[id]) {
			r.until[id] = until
		}
	}
	return nil
}

// AnyRevoked reports whether any of the ids is revoked now.
func (r *RevocationList) AnyRevoked(_ context.Context, ids ...string) (bool, error) {
	now := r.now()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, id := range ids {
		if u, ok := r.until[id]; ok && now.Before(u) {
			return true, nil
		}
	}
	return false, nil
}

// Len returns how many revocations are held, expired ones not yet swept
// included; tests use it to check that memory stays bounded.
func (r *RevocationList) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.until)
}

// expirySweepEvery is how often the expiring maps of the revocation list and
// the rate limiter drop expired entries; they are also swept when they have doubled since the last
// sweep, so a burst of new keys cannot grow them without bound in between.
const expirySweepEvery = time.Minute

// expirySweeper decides when a map of expiring entries is due for a sweep.
type expirySweeper struct {
	next     time.Time
	lastSize int
}

func (s *expirySweeper) due(now time.Time, size int) bool {
	return !now.Before(s.next) || size > 2*s.lastSize+1024
}

func (s *expirySweeper) done(now time.Time, size int) {
	s.next = now.Add(expirySweepEvery)
	s.lastSize = size
}

func timeSource(now func() time.Time) func() time.Time {
	if now == nil {
		return time.Now
	}
	return now
}
