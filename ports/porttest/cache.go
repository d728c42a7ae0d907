package porttest

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/ports"
)

// cacheTTL outlives every test that uses it, however slow the machine.
const cacheTTL = time.Minute

// Cache runs the contract of ports.Cache against the cache that newCache
// builds, fresh for every subtest. It runs on real time: the expiry test uses
// a short TTL and polls for the miss.
func Cache(t *testing.T, newCache func(t *testing.T) ports.Cache) {
	t.Helper()
	t.Run("a missing key is a miss, not an error", func(t *testing.T) { cacheMiss(t, newCache(t)) })
	t.Run("set then get", func(t *testing.T) { cacheSetGet(t, newCache(t)) })
	t.Run("binary and empty values", func(t *testing.T) { cacheBinary(t, newCache(t)) })
	t.Run("set overwrites", func(t *testing.T) { cacheOverwrite(t, newCache(t)) })
	t.Run("delete several keys, missing ones included", func(t *testing.T) { cacheDelete(t, newCache(t)) })
	t.Run("an entry expires after its ttl", func(t *testing.T) { cacheExpiry(t, newCache(t)) })
	t.Run("values are copied in and out", func(t *testing.T) { cacheCopies(t, newCache(t)) })
	t.Run("a ttl below a millisecond is an error", func(t *testing.T) { cacheBadTTL(t, newCache(t)) })
	t.Run("concurrent use", func(t *testing.T) { cacheConcurrent(t, newCache(t)) })
}

func cacheMiss(t *testing.T, c ports.Cache) {
	assertCacheMiss(t, c, "recipe:52772")
}

func cacheSetGet(t *testing.T, c ports.Cache) {
	mustCacheSet(t, c, "recipe:52772", []byte(`{"id":"52772"}`), cacheTTL)
	assertCacheHit(t, c, "recipe:52772", []byte(`{"id":"52772"}`))
	assertCacheMiss(t, c, "recipe:52773")
}

func cacheBinary(t *testing.T, c ports.Cache) {
	bin := []byte{0, 255, '\r', '\n', 0x80, 'x', 0}
	mustCacheSet(t, c, "bin", bin, cacheTTL)
	assertCacheHit(t, c, "bin", bin)
	mustCacheSet(t, c, "empty", []byte{}, cacheTTL)
	assertCacheHit(t, c, "empty", []byte{})
}

func cacheOverwrite(t *testing.T, c ports.Cache) {
	mustCacheSet(t, c, "k", []byte("first"), cacheTTL)
	assertCacheHit(t, c, "k", []byte("first"))
	mustCacheSet(t, c, "k", []byte("second, longer"), cacheTTL)
	assertCacheHit(t, c, "k", []byte("second, longer"))
}

func cacheDelete(t *testing.T, c ports.Cache) {
	for _, k := range []string{"a", "b", "c"} {
		mustCacheSet(t, c, k, []byte(k), cacheTTL)
	}
	if err := c.Delete(t.Context(), "a", "missing", "b"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if err := c.Delete(t.Context()); err != nil {
		t.Fatalf("Delete of no keys: %v", err)
	}
	if err := c.Delete(t.Context(), "missing"); err != nil {
		t.Fatalf("Delete of a missing key: %v", err)
	}
	assertCacheMiss(t, c, "a")
	assertCacheMiss(t, c, "b")
	assertCacheHit(t, c, "c", []byte("c"))
}

func cacheExpiry(t *testing.T, c ports.Cache) {
	const ttl = 200 * time.Millisecond
	set := time.Now()
	mustCacheSet(t, c, "short", []byte("v"), ttl)
	mustCacheSet(t, c, "long", []byte("v"), cacheTTL)
	_, ok := cacheGet(t, c, "short")
	if !ok && time.Now().Before(set.Add(ttl)) {
		t.Fatal("entry gone before its ttl")
	}
	pollExpiry(t, 5*time.Second, "entry to expire", func() bool {
		_, ok := cacheGet(t, c, "short")
		return !ok
	})
	assertCacheHit(t, c, "long", []byte("v"))
}

func cacheCopies(t *testing.T, c ports.Cache) {
	v := []byte("original")
	mustCacheSet(t, c, "k", v, cacheTTL)
	copy(v, "MUTATED!")
	got, _ := cacheGet(t, c, "k")
	copy(got, "CHANGED!")
	assertCacheHit(t, c, "k", []byte("original"))
}

func cacheBadTTL(t *testing.T, c ports.Cache) {
	for _, ttl := range []time.Duration{0, -time.Second, time.Microsecond} {
		if err := c.Set(t.Context(), "k", []byte("v"), ttl); err == nil {
			t.Errorf("Set with ttl %v: no error", ttl)
		}
	}
	assertCacheMiss(t, c, "k")
}

func cacheConcurrent(t *testing.T, c ports.Cache) {
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			key := fmt.Sprintf("k%d", i)
			for j := range 20 {
				want := fmt.Appendf(nil, "%d/%d", i, j)
				if err := c.Set(t.Context(), key, want, cacheTTL); err != nil {
					t.Error(err)
					return
				}
				got, ok, err := c.Get(t.Context(), key)
				if err != nil || !ok || !bytes.Equal(got, want) {
					t.Errorf("Get(%q) = %q, %v, %v; want %q", key, got, ok, err, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

func mustCacheSet(t *testing.T, c ports.Cache, key string, value []byte, ttl time.Duration) {
	t.Helper()
	if err := c.Set(t.Context(), key, value, ttl); err != nil {
		t.Fatalf("Set(%q): %v", key, err)
	}
}

func cacheGet(t *testing.T, c ports.Cache, key string) ([]byte, bool) {
	t.Helper()
	v, ok, err := c.Get(t.Context(), key)
	if err != nil {
		t.Fatalf("Get(%q): %v", key, err)
	}
	if !ok && v != nil {
		t.Errorf("Get(%q) missed but returned %q", key, v)
	}
	return v, ok
}

func assertCacheHit(t *testing.T, c ports.Cache, key string, want []byte) {
	t.Helper()
	got, ok := cacheGet(t, c, key)
	if !ok || !bytes.Equal(got, want) {
		t.Errorf("Get(%q) = %q, %v; want %q, true", key, got, ok, want)
	}
}

func assertCacheMiss(t *testing.T, c ports.Cache, key string) {
	t.Helper()
	if got, ok := cacheGet(t, c, key); ok {
		t.Errorf("Get(%q) = %q, want a miss", key, got)
	}
}
