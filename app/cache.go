package app

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/mealplanner/backend/ports"
)

// catalogueCache is cache-aside for catalogue reads. Every key carries the
// catalogue's generation; an admin write starts a new generation, which
// invalidates every cached read at once without scanning keys, on every
// instance that shares the cache.
type catalogueCache struct {
	cache  ports.Cache
	logger *slog.Logger
	ids    ports.IDGenerator
	hits   atomic.Uint64
	misses atomic.Uint64
}

const generationKey = "catalogue:generation"

// generation returns the current generation, starting one when none exists.
func (c *catalogueCache) generation(ctx context.Context) string {
	b, ok, err := c.cache.Get(ctx, generationKey)
	if err == nil && ok {
		return string(b)
	}
	if err != nil {
		return "" // the cache is down: callers bypass it
	}
	return c.bump(ctx)
}

// bump starts a new generation. A random one, not a timestamp: two writes in
// the same clock tick must still make two generations. It lives far longer
// than any entry, so old generations simply expire.
func (c *catalogueCache) bump(ctx context.Context) string {
	gen := c.ids.NewID()
	if err := c.cache.Set(ctx, generationKey, []byte(gen), 30*24*time.Hour); err != nil {
		c.logger.Warn("cache generation not stored", "err", err)
		return ""
	}
	return gen
}

// load returns the cached value of key, or computes, stores and returns it.
// A cache that fails is bypassed: reads never fail because of it.
func load[T any](ctx context.Context, c *catalogueCache, key string, ttl time.Duration, compute func() (T, error)) (T, error) {
	gen := c.generation(ctx)
	if gen == "" {
		return compute()
	}
	full := "catalogue:" + gen + ":" + key
	if b, ok, err := c.cache.Get(ctx, full); err == nil && ok {
		var v T
		if json.Unmarshal(b, &v) == nil {
			c.hits.Add(1)
			return v, nil
		}
	}
	c.misses.Add(1)
	v, err := compute()
	if err != nil {
		return v, err
	}
	if b, err := json.Marshal(v); err == nil {
		if err := c.cache.Set(ctx, full, b, ttl); err != nil {
			c.logger.Debug("cache write failed", "key", key, "err", err)
		}
	}
	return v, nil
}

// CacheStats are the catalogue cache's counters since start.
type CacheStats struct {
	Hits, Misses uint64
}
