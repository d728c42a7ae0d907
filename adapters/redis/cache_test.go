package redis

import (
	"testing"
	"time"

	"github.com/mealplanner/backend/ports"
	"github.com/mealplanner/backend/ports/porttest"
)

func TestCacheContract(t *testing.T) {
	t.Parallel()
	porttest.Cache(t, func(t *testing.T) ports.Cache { return NewCache(mustOpen(t)) })
}

// With Redis gone the cache fails, quickly, and the caller bypasses it.
func TestCacheFailsFastWhenRedisGoes(t *testing.T) {
	t.Parallel()
	direct := mustOpen(t)
	p, proxied := startProxy(t, testURL(t))
	c := NewCache(mustOpenURL(t, proxied, direct.prefix))
	if err := c.Set(t.Context(), "k", []byte("v"), time.Minute); err != nil {
		t.Fatal(err)
	}
	p.stop()
	start := time.Now()
	if _, _, err := c.Get(t.Context(), "k"); err == nil {
		t.Error("Get succeeded with Redis gone")
	}
	if err := c.Set(t.Context(), "k", []byte("v"), time.Minute); err == nil {
		t.Error("Set succeeded with Redis gone")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("failing took %v", d)
	}
}
