package memory

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/mealplanner/backend/ports"
)

var _ ports.RateLimiter = (*RateLimiter)(nil)

// RateLimiter is an in-process fixed-window ports.RateLimiter, with the same
// semantics as the Redis one: a key's window opens at its first request and
// lasts the given length; the next request after it opens a new one. Expired
// windows are dropped now and then, so memory stays bounded by the keys seen
// within the longest window. It is safe for concurrent use.
type RateLimiter struct {
	now     func() time.Time
	mu      sync.Mutex
	windows map[string]rateWindow
	sweep   expirySweeper
}

type rateWindow struct {
	count   int
	resetAt time.Time
}

// NewRateLimiter returns a limiter that reads the time from now (nil:
// time.Now).
func NewRateLimiter(now func() time.Time) *RateLimiter {
	return &RateLimiter{now: timeSource(now), windows: map[string]rateWindow{}}
}

// Allow counts one request against key in the current window of the given
// length and says whether it is within limit. It fails only on a limit < 1 or
// a window shorter than a millisecond.
func (l *RateLimiter) Allow(_ context.Context, key string, limit int, window time.Duration) (ports.RateDecision, error) {
	if limit < 1 || window < time.Millisecond {
		return ports.RateDecision{}, fmt.Errorf("memory: rate limit of %d per %v is not valid", limit, window)
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweepExpired(now)
	w, ok := l.windows[key]
	if !ok || !now.Before(w.resetAt) {
		w = rateWindow{resetAt: now.Add(window)}
	}
	w.count++
	l.windows[key] = w
	d := ports.RateDecision{
		Allowed:   w.count <= limit,
		Limit:     limit,
		Remaining: max(limit-w.count, 0),
		ResetAt:   w.resetAt,
	}
	if !d.Allowed {
		d.RetryAfter = w.resetAt.Sub(now)
	}
	return d, nil
}

// Len returns how many windows are held, expired ones not yet swept included;
// tests use it to check that memory stays bounded.
func (l *RateLimiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.windows)
}

func (l *RateLimiter) sweepExpired(now time.Time) {
	if !l.sweep.due(now, len(l.windows)) {
		return
	}
	for k, w := range l.windows {
		if !now.Before(w.resetAt) {
			delete(l.windows, k)
		}
	}
	l.sweep.done(now, len(l.windows))
}
