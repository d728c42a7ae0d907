package porttest

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mealplanner/backend/ports"
)

// limiterWindow is long enough that no test using it crosses into a second
// window, however slow the machine.
const limiterWindow = time.Minute

// RateLimiter runs the contract of ports.RateLimiter against the limiter that
// newLimiter builds, fresh for every subtest. It runs on real time: counting
// tests use a long window, the reset test a short one and a generous wait.
func RateLimiter(t *testing.T, newLimiter func(t *testing.T) ports.RateLimiter) {
	t.Helper()
	t.Run("first requests pass and remaining counts down", func(t *testing.T) { limiterCountsDown(t, newLimiter(t)) })
	t.Run("the request over the limit is refused", func(t *testing.T) { limiterRefuses(t, newLimiter(t)) })
	t.Run("keys are independent", func(t *testing.T) { limiterKeys(t, newLimiter(t)) })
	t.Run("a new window allows again", func(t *testing.T) { limiterResets(t, newLimiter(t)) })
	t.Run("concurrent requests never pass the limit", func(t *testing.T) { limiterConcurrent(t, newLimiter(t)) })
	t.Run("a limit or window below one is an error", func(t *testing.T) { limiterInvalid(t, newLimiter(t)) })
}

func limiterCountsDown(t *testing.T, l ports.RateLimiter) {
	before := time.Now()
	for i := range 3 {
		d := mustAllow(t, l, "user:1", 3, limiterWindow)
		if !d.Allowed || d.Limit != 3 || d.Remaining != 2-i || d.RetryAfter != 0 {
			t.Fatalf("request %d: %+v, want allowed, limit 3, remaining %d, no retry", i+1, d, 2-i)
		}
		assertResetAt(t, d, before, limiterWindow)
	}
}

func limiterRefuses(t *testing.T, l ports.RateLimiter) {
	mustAllow(t, l, "ip:10.0.0.1", 2, limiterWindow)
	mustAllow(t, l, "ip:10.0.0.1", 2, limiterWindow)
	for range 2 {
		d := mustAllow(t, l, "ip:10.0.0.1", 2, limiterWindow)
		if d.Allowed || d.Limit != 2 || d.Remaining != 0 {
			t.Fatalf("over the limit: %+v, want refused, limit 2, remaining 0", d)
		}
		if d.RetryAfter <= 0 || d.RetryAfter > limiterWindow {
			t.Errorf("RetryAfter = %v, want in (0, %v]", d.RetryAfter, limiterWindow)
		}
		if !d.ResetAt.After(time.Now()) {
			t.Errorf("ResetAt %v is not in the future", d.ResetAt)
		}
	}
}

func limiterKeys(t *testing.T, l ports.RateLimiter) {
	mustAllow(t, l, "a", 1, limiterWindow)
	if d := mustAllow(t, l, "a", 1, limiterWindow); d.Allowed {
		t.Fatalf("second request on a: %+v, want refused", d)
	}
	if d := mustAllow(t, l, "b", 1, limiterWindow); !d.Allowed || d.Remaining != 0 {
		t.Errorf("first request on b: %+v, want allowed with remaining 0", d)
	}
}

func limiterResets(t *testing.T, l ports.RateLimiter) {
	const window = 200 * time.Millisecond
	before := time.Now()
	if d := mustAllow(t, l, "k", 1, window); !d.Allowed {
		t.Fatalf("first request: %+v, want allowed", d)
	}
	d := mustAllow(t, l, "k", 1, window)
	// The window opened after before, so it cannot have ended before
	// before+window; only a slow machine gets past that and sees a new one.
	if d.Allowed && time.Now().Before(before.Add(window)) {
		t.Fatalf("second request within the window: %+v, want refused", d)
	}
	time.Sleep(window + 300*time.Millisecond)
	before = time.Now()
	d = mustAllow(t, l, "k", 1, window)
	if !d.Allowed || d.Remaining != 0 {
		t.Fatalf("first request of a new window: %+v, want allowed with remaining 0", d)
	}
	assertResetAt(t, d, before, window)
}

func limiterConcurrent(t *testing.T, l ports.RateLimiter) {
	const workers, each, limit = 40, 5, 37
	var allowed atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for range each {
				d, err := l.Allow(t.Context(), "hot", limit, limiterWindow)
				if err != nil {
					t.Error(err)
					return
				}
				if d.Allowed {
					allowed.Add(1)
				}
			}
		})
	}
	wg.Wait()
	if got := allowed.Load(); got != limit {
		t.Errorf("%d of %d concurrent requests allowed, want exactly %d", got, workers*each, limit)
	}
}

func limiterInvalid(t *testing.T, l ports.RateLimiter) {
	if _, err := l.Allow(t.Context(), "x", 0, limiterWindow); err == nil {
		t.Error("limit 0: no error")
	}
	if _, err := l.Allow(t.Context(), "x", 5, 0); err == nil {
		t.Error("window 0: no error")
	}
}

func mustAllow(t *testing.T, l ports.RateLimiter, key string, limit int, window time.Duration) ports.RateDecision {
	t.Helper()
	d, err := l.Allow(t.Context(), key, limit, window)
	if err != nil {
		t.Fatalf("Allow(%q, %d, %v): %v", key, limit, window, err)
	}
	return d
}

// assertResetAt checks that a window opened no earlier than before ends in
// the future, at most one window after now.
func assertResetAt(t *testing.T, d ports.RateDecision, before time.Time, window time.Duration) {
	t.Helper()
	now := time.Now()
	if !d.ResetAt.After(before) || d.ResetAt.After(now.Add(window)) {
		t.Errorf("ResetAt %v not in (%v, %v]", d.ResetAt, before, now.Add(window))
	}
}
