package redis

import (
	"context"
	"fmt"
	"time"

	"github.com/redis/rueidis"

	"github.com/mealplanner/backend/ports"
)

var _ ports.Cache = (*Cache)(nil)

// Cache is a ports.Cache shared by every instance through Redis. Its errors
// come back within the command timeout; callers treat them as a miss. It is
// safe for concurrent use.
//
// Reads go to the server every time rather than through rueidis' client-side
// cache: the server's invalidation of a key this client has just written can
// arrive after the write's reply, and a read in between would see the old
// value.
type Cache struct {
	c *Client
}

// NewCache returns a cache on c.
func NewCache(c *Client) *Cache { return &Cache{c: c} }

// Get returns the value and true, or (nil, false, nil) on a miss.
func (ca *Cache) Get(ctx context.Context, key string) ([]byte, bool, error) {
	ctx, cancel := ca.c.commandContext(ctx)
	defer cancel()
	v, err := ca.c.rdb.Do(ctx, ca.c.rdb.B().Get().Key(ca.c.key("cache", key)).Build()).ToString()
	if rueidis.IsRedisNil(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	// A copy, not rueidis' AsBytes, whose slice shares memory with a string.
	return []byte(v), true, nil
}

// Set stores the value for ttl, which must be at least a millisecond.
func (ca *Cache) Set(ctx context.Context, key string, value []byte, ttl time.Duration) error {
	if ttl < time.Millisecond {
		return fmt.Errorf("redis: cache ttl %v is not positive", ttl)
	}
	ctx, cancel := ca.c.commandContext(ctx)
	defer cancel()
	// string(value) copies: after a timeout the command may still be queued
	// while the caller reuses its slice.
	cmd := ca.c.rdb.B().Set().Key(ca.c.key("cache", key)).Value(string(value)).Px(ttl).Build()
	return ca.c.rdb.Do(ctx, cmd).Error()
}

// Delete removes the keys, in one round trip; missing keys are ignored.
func (ca *Cache) Delete(ctx context.Context, keys ...string) error {
	if len(keys) == 0 {
		return nil
	}
	ctx, cancel := ca.c.commandContext(ctx)
	defer cancel()
	b := ca.c.rdb.B()
	// One DEL per key, pipelined, so that keys in different cluster slots work.
	cmds := make(rueidis.Commands, 0, len(keys))
	for _, k := range keys {
		cmds = append(cmds, b.Del().Key(ca.c.key("cache", k)).Build())
	}
	for _, res := range ca.c.rdb.DoMulti(ctx, cmds...) {
		if err := res.Error(); err != nil {
			return err
		}
	}
	return nil
}
