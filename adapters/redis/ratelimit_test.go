package redis

import (
	"testing"
	"time"

	"github.com/mealplanner/backend/ports"
	"github.com/mealplanner/backend/ports/porttest"
)

func TestRateLimiterContract(t *testing.T) {
	t.Parallel()
	porttest.RateLimiter(t, func(t *testing.T) ports.RateLimiter {
		l := NewRateLimiter(mustOpen(t), nil)
		// The local fallback would pass the suite too; make sure it was Redis.
		t.Cleanup(func() {
			if n := l.Fallbacks(); n != 0 {
				t.Errorf("%d decisions fell back to the local limiter", n)
			}
		})
		return l
	})
}

// Two instances on one Redis share their counts.
func TestRateLimiterSharedByInstances(t *testing.T) {
	t.Parallel()
	a := NewRateLimiter(mustOpen(t), nil)
	b := NewRateLimiter(mustOpenURL(t, testURL(t), a.c.prefix), nil)
	mustAllow(t, a, true, 2)
	mustAllow(t, b, true, 1)
	mustAllow(t, a, true, 0)
	mustAllow(t, b, false, 0)
}

// A counter that lost its expiry would refuse forever; the script restarts
// its window instead.
func TestRateLimiterRepairsCounterWithoutExpiry(t *testing.T) {
	t.Parallel()
	l := NewRateLimiter(mustOpen(t), nil)
	key := l.c.key("rl", "k")
	if err := l.c.rdb.Do(t.Context(), l.c.rdb.B().Set().Key(key).Value("100").Build()).Error(); err != nil {
		t.Fatal(err)
	}
	d := mustAllow(t, l, false, 0)
	if d.RetryAfter <= 0 || d.RetryAfter > time.Minute {
		t.Errorf("RetryAfter = %v, want within the window", d.RetryAfter)
	}
	if ttl, err := l.c.rdb.Do(t.Context(), l.c.rdb.B().Pttl().Key(key).Build()).AsInt64(); err != nil || ttl <= 0 {
		t.Errorf("PTTL = %d, %v; want an expiry", ttl, err)
	}
}

// With Redis gone the limiter still limits, on this instance, logs the outage
// once, counts its fallbacks, and goes back to Redis when it returns.
func TestRateLimiterFallsBackWhenRedisGoes(t *testing.T) {
	t.Parallel()
	direct := mustOpen(t)
	p, proxied := startProxy(t, testURL(t))
	log, logged := newTestLogger()
	l := NewRateLimiter(mustOpenURL(t, proxied, direct.prefix), log)
	mustAllow(t, l, true, 2)
	p.stop()
	// The local windows start empty: three more pass, the fourth does not.
	mustAllow(t, l, true, 2)
	mustAllow(t, l, true, 1)
	mustAllow(t, l, true, 0)
	mustAllow(t, l, false, 0)
	if got := l.Fallbacks(); got != 4 {
		t.Errorf("Fallbacks() = %d, want 4", got)
	}
	if n := logged.count("redis unavailable"); n != 1 {
		t.Errorf("outage logged %d times, want once", n)
	}
	p.listen(t, p.ln.Addr().String())
	waitForPing(t, l.c)
	// Redis holds the first hit, and possibly hits the client queued during
	// the outage and delivered on reconnection; what matters is that Redis,
	// not the local window, decides again.
	d, err := l.Allow(t.Context(), "k", 3, time.Minute)
	if err != nil || d.Remaining > 1 {
		t.Errorf("after recovery Allow = %+v, %v; want Redis's count (remaining at most 1)", d, err)
	}
	if got := l.Fallbacks(); got != 4 {
		t.Errorf("Fallbacks() = %d after Redis returned, want still 4", got)
	}
	if n := logged.count("redis available again"); n != 1 {
		t.Errorf("recovery logged %d times, want once", n)
	}
}

func mustAllow(t *testing.T, l *RateLimiter, allowed bool, remaining int) ports.RateDecision {
	t.Helper()
	d, err := l.Allow(t.Context(), "k", 3, time.Minute)
	if err != nil {
		t.Fatalf("Allow: %v", err)
	}
	if d.Allowed != allowed || d.Remaining != remaining {
		t.Fatalf("Allow = %+v, want allowed %v, remaining %d", d, allowed, remaining)
	}
	return d
}

// waitForPing waits until the client reaches Redis again.
func waitForPing(t *testing.T, c *Client) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for c.Ping(t.Context()) != nil {
		if time.Now().After(deadline) {
			t.Fatal("client did not reconnect within 10s")
		}
		time.Sleep(50 * time.Millisecond)
	}
}
