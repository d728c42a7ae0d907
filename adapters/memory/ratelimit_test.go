package memory_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/mealplanner/backend/adapters/memory"
	"github.com/mealplanner/backend/ports"
	"github.com/mealplanner/backend/ports/porttest"
)

func TestRateLimiterContract(t *testing.T) {
	t.Parallel()
	porttest.RateLimiter(t, func(t *testing.T) ports.RateLimiter { return memory.NewRateLimiter(nil) })
}

func TestRateLimiterWindowOnTheClock(t *testing.T) {
	t.Parallel()
	clock := memory.NewClock(fakeEpoch)
	l := memory.NewRateLimiter(clock.Now)
	steps := []struct {
		advance time.Duration
		want    ports.RateDecision
	}{
		{0, ports.RateDecision{Allowed: true, Limit: 2, Remaining: 1, ResetAt: fakeEpoch.Add(time.Minute)}},
		{30 * time.Second, ports.RateDecision{Allowed: true, Limit: 2, Remaining: 0, ResetAt: fakeEpoch.Add(time.Minute)}},
		{29 * time.Second, ports.RateDecision{Limit: 2, ResetAt: fakeEpoch.Add(time.Minute), RetryAfter: time.Second}},
		{time.Second, ports.RateDecision{Allowed: true, Limit: 2, Remaining: 1, ResetAt: fakeEpoch.Add(2 * time.Minute)}},
	}
	for i, s := range steps {
		clock.Advance(s.advance)
		got, err := l.Allow(context.Background(), "user:1", 2, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if got != s.want {
			t.Errorf("step %d: %+v, want %+v", i, got, s.want)
		}
	}
}

func TestRateLimiterSweepsExpiredWindows(t *testing.T) {
	t.Parallel()
	clock := memory.NewClock(fakeEpoch)
	l := memory.NewRateLimiter(clock.Now)
	hitEach(t, l, "old", 500)
	clock.Advance(2 * time.Minute)
	hitEach(t, l, "new", 1)
	if got := l.Len(); got != 1 {
		t.Errorf("Len() = %d after a minute, want 1", got)
	}
}

// A burst of new keys is swept before the minute is up, once the map has
// doubled.
func TestRateLimiterSweepsOnGrowth(t *testing.T) {
	t.Parallel()
	clock := memory.NewClock(fakeEpoch)
	l := memory.NewRateLimiter(clock.Now)
	hitEach(t, l, "old", 1000)
	clock.Advance(time.Second)
	hitEach(t, l, "new", 100)
	if got := l.Len(); got != 100 {
		t.Errorf("Len() = %d, want the 100 live windows", got)
	}
}

func hitEach(t *testing.T, l *memory.RateLimiter, prefix string, n int) {
	t.Helper()
	for i := range n {
		if _, err := l.Allow(context.Background(), fmt.Sprint(prefix, i), 5, 100*time.Millisecond); err != nil {
			t.Fatal(err)
		}
	}
}
