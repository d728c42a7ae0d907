package memory

import (
	"container/heap"
	"container/list"
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/mealplanner/backend/ports"
)

var _ ports.Cache = (*Cache)(nil)

// DefaultCacheEntries is the capacity of a Cache built with maxEntries < 1.
const DefaultCacheEntries = 10_000

// Cache is an in-process ports.Cache holding at most a fixed number of
// entries. To make room it drops expired entries first, then the least
// recently used ones. Values are copied in and out, so callers may reuse their
// slices. It is safe for concurrent use.
type Cache struct {
	now     func() time.Time
	max     int
	mu      sync.Mutex
	entries map[string]*cacheEntry
	recency list.List   // of *cacheEntry, most recently used first
	expiry  expiryQueue // soonest expiry first
}

type cacheEntry struct {
	key     string
	value   []byte
	expires time.Time
	used    *list.Element
	index   int // in the expiry queue
}

// NewCache returns an empty cache of maxEntries entries (DefaultCacheEntries
// when maxEntries < 1) that reads the time from now (nil: time.Now).
func NewCache(maxEntries int, now func() time.Time) *Cache {
	if maxEntries < 1 {
		maxEntries = DefaultCacheEntries
	}
	return &Cache{now: timeSource(now), max: maxEntries, entries: map[string]*cacheEntry{}}
}

// Get returns a copy of the value and true, or (nil, false, nil) on a miss.
func (c *Cache) Get(_ context.Context, key string) ([]byte, bool, error) {
	now := c.now()
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok {
		return nil, false, nil
	}
	if !now.Before(e.expires) {
		c.remove(e)
		return nil, false, nil
	}
	c.recency.MoveToFront(e.used)
	return append([]byte{}, e.value...), true, nil
}

// Set stores a copy of the value for ttl, which must be at least a
// millisecond (the Redis cache's resolution).
func (c *Cache) Set(_ context.Context, key string, value []byte, ttl time.Duration) error {
	if ttl < time.Millisecond {
		return fmt.Errorf("memory: cache ttl %v is not positive", ttl)
	}
	now := c.now()
	value = append([]byte{}, value...)
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[key]; ok {
		e.value, e.expires = value, now.Add(ttl)
		heap.Fix(&c.expiry, e.index)
		c.recency.MoveToFront(e.used)
		return nil
	}
	c.makeRoom(now)
	e := &cacheEntry{key: key, value: value, expires: now.Add(ttl)}
	e.used = c.recency.PushFront(e)
	heap.Push(&c.expiry, e)
	c.entries[key] = e
	return nil
}

// Delete removes the keys; missing keys are ignored.
func (c *Cache) Delete(_ context.Context, keys ...string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range keys {
		if e, ok := c.entries[k]; ok {
			c.remove(e)
		}
	}
	return nil
}

// Len returns how many entries are held, expired ones not yet dropped
// included.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

// makeRoom frees a place for one more entry.
func (c *Cache) makeRoom(now time.Time) {
	for len(c.entries) >= c.max && len(c.expiry) > 0 && !now.Before(c.expiry[0].expires) {
		c.remove(c.expiry[0])
	}
	for len(c.entries) >= c.max {
		c.remove(c.recency.Back().Value.(*cacheEntry))
	}
}

func (c *Cache) remove(e *cacheEntry) {
	delete(c.entries, e.key)
	c.recency.Remove(e.used)
	heap.Remove(&c.expiry, e.index)
}

// expiryQueue is a heap of entries by expiry, for container/heap.
type expiryQueue []*cacheEntry

func (q expiryQueue) Len() int           { return len(q) }
func (q expiryQueue) Less(i, j int) bool { return q[i].expires.Before(q[j].expires) }

func (q expiryQueue) Swap(i, j int) {
	q[i], q[j] = q[j], q[i]
	q[i].index, q[j].index = i, j
}

func (q *expiryQueue) Push(x any) {
	e := x.(*cacheEntry)
	e.index = len(*q)
	*q = append(*q, e)
}

func (q *expiryQueue) Pop() any {
	old := *q
	e := old[len(old)-1]
	old[len(old)-1] = nil
	*q = old[:len(old)-1]
	return e
}
