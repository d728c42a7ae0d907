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

func TestCacheContract(t *testing.T) {
	t.Parallel()
	porttest.Cache(t, func(t *testing.T) ports.Cache { return memory.NewCache(100, nil) })
}

func TestCacheExpiresOnTheClock(t *testing.T) {
	t.Parallel()
	clock := memory.NewClock(fakeEpoch)
	c := memory.NewCache(10, clock.Now)
	mustCachePut(t, c, "k", 10*time.Second)
	clock.Advance(10*time.Second - time.Nanosecond)
	assertCached(t, c, "k")
	clock.Advance(time.Nanosecond)
	assertNotCached(t, c, "k")
	if got := c.Len(); got != 0 {
		t.Errorf("Len() = %d after the expired entry was read, want 0", got)
	}
}

func TestCacheOverwriteRenewsTTL(t *testing.T) {
	t.Parallel()
	clock := memory.NewClock(fakeEpoch)
	c := memory.NewCache(10, clock.Now)
	mustCachePut(t, c, "k", time.Second)
	clock.Advance(800 * time.Millisecond)
	mustCachePut(t, c, "k", time.Second)
	clock.Advance(800 * time.Millisecond)
	assertCached(t, c, "k")
	if got := c.Len(); got != 1 {
		t.Errorf("Len() = %d after overwriting one key, want 1", got)
	}
}

func TestCacheEvictsExpiredBeforeLive(t *testing.T) {
	t.Parallel()
	clock := memory.NewClock(fakeEpoch)
	c := memory.NewCache(3, clock.Now)
	mustCachePut(t, c, "a", time.Minute)
	mustCachePut(t, c, "b", time.Second)
	mustCachePut(t, c, "c", time.Minute)
	clock.Advance(2 * time.Second)
	mustCachePut(t, c, "d", time.Minute)
	assertCached(t, c, "a", "c", "d")
	if got := c.Len(); got != 3 {
		t.Errorf("Len() = %d, want 3", got)
	}
}

func TestCacheEvictsLeastRecentlyUsed(t *testing.T) {
	t.Parallel()
	clock := memory.NewClock(fakeEpoch)
	c := memory.NewCache(3, clock.Now)
	for _, k := range []string{"a", "b", "c"} {
		mustCachePut(t, c, k, time.Minute)
	}
	assertCached(t, c, "a")
	mustCachePut(t, c, "d", time.Minute)
	assertNotCached(t, c, "b")
	assertCached(t, c, "a", "c", "d")
}

func TestCacheDefaultCapacity(t *testing.T) {
	t.Parallel()
	c := memory.NewCache(0, nil)
	for i := range memory.DefaultCacheEntries + 10 {
		mustCachePut(t, c, fmt.Sprint(i), time.Minute)
	}
	if got := c.Len(); got != memory.DefaultCacheEntries {
		t.Errorf("Len() = %d, want %d", got, memory.DefaultCacheEntries)
	}
	assertNotCached(t, c, "0")
}

func mustCachePut(t *testing.T, c *memory.Cache, key string, ttl time.Duration) {
	t.Helper()
	if err := c.Set(context.Background(), key, []byte(key), ttl); err != nil {
		t.Fatal(err)
	}
}

func assertCached(t *testing.T, c *memory.Cache, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if v, ok, err := c.Get(context.Background(), k); err != nil || !ok || string(v) != k {
			t.Errorf("Get(%q) = %q, %v, %v; want a hit", k, v, ok, err)
		}
	}
}

func assertNotCached(t *testing.T, c *memory.Cache, key string) {
	t.Helper()
	if v, ok, err := c.Get(context.Background(), key); err != nil || ok {
		t.Errorf("Get(%q) = %q, %v, %v; want a miss", key, v, ok, err)
	}
}
