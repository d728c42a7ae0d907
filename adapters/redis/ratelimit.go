package redis

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/redis/rueidis"

	"github.com/mealplanner/backend/ports"
)

var _ ports.RateLimiter = (*RateLimiter)(nil)

// fixedWindow counts one hit in the window kept at KEYS[1], ARGV[1] ms long,
// and returns {count, ms left}. One script keeps INCR and PEXPIRE atomic: two
// commands could leave a counter without expiry if the client died between
// them.
var fixedWindow = rueidis.NewLuaScript(`
local n = redis.call('INCR', KEYS[1])
if n == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  return {n, tonumber(ARGV[1])}
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  -- a counter without expiry would refuse forever: start its window now
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}
`)

// RateLimiter is a fixed-window ports.RateLimiter shared by every instance
// through Redis; while Redis fails it limits per instance (see the package
// documentation). It is safe for concurrent use.
type RateLimiter struct {
	c         *Client
	local     *localWindows
	outage    *outage
	fallbacks atomic.Uint64
}

// NewRateLimiter returns a limiter on c that logs outages to log (nil: discard).
func NewRateLimiter(c *Client, log *slog.Logger) *RateLimiter {
	return &RateLimiter{c: c, local: newLocalWindows(), outage: newOutage(log, "ratelimit")}
}

// Allow counts one request against key in the current window of the given
// length and says whether it is within limit. It fails only on a limit < 1, a
// window shorter than a millisecond or a cancelled ctx; a Redis failure is
// answered by the local fallback.
func (l *RateLimiter) Allow(ctx context.Context, key string, limit int, window time.Duration) (ports.RateDecision, error) {
	if limit < 1 || window < time.Millisecond {
		return ports.RateDecision{}, fmt.Errorf("redis: rate limit of %d per %v is not valid", limit, window)
	}
	count, left, err := l.remote(ctx, key, window)
	now := time.Now()
	if err != nil {
		if ctx.Err() != nil {
			return ports.RateDecision{}, ctx.Err()
		}
		l.outage.failed(err, "rate limits apply per instance")
		l.fallbacks.Add(1)
		count, resetAt := l.local.hit(key, window, now)
		return decide(limit, count, resetAt, now), nil
	}
	l.outage.succeeded()
	return decide(limit, count, now.Add(left), now), nil
}

// Fallbacks returns how many decisions were made locally because Redis failed,
// for metrics.
func (l *RateLimiter) Fallbacks() uint64 { return l.fallbacks.Load() }

func (l *RateLimiter) remote(ctx context.Context, key string, window time.Duration) (int, time.Duration, error) {
	ctx, cancel := l.c.commandContext(ctx)
	defer cancel()
	// Round up so that a window never ends before its nominal length.
	ms := int64((window + time.Millisecond - 1) / time.Millisecond)
	res, err := fixedWindow.Exec(ctx, l.c.rdb, []string{l.c.key("rl", key)}, []string{strconv.FormatInt(ms, 10)}).ToArray()
	if err != nil {
		return 0, 0, err
	}
	if len(res) != 2 {
		return 0, 0, fmt.Errorf("redis: rate limit script returned %d values", len(res))
	}
	count, err := res[0].AsInt64()
	if err != nil {
		return 0, 0, err
	}
	left, err := res[1].AsInt64()
	if err != nil {
		return 0, 0, err
	}
	return int(count), time.Duration(left) * time.Millisecond, nil
}

// decide turns the count of a window into the limiter's answer.
func decide(limit, count int, resetAt, now time.Time) ports.RateDecision {
	d := ports.RateDecision{
		Allowed:   count <= limit,
		Limit:     limit,
		Remaining: max(limit-count, 0),
		ResetAt:   resetAt,
	}
	if !d.Allowed {
		// A window in its last millisecond still asks the client to wait.
		d.RetryAfter = max(resetAt.Sub(now), time.Millisecond)
	}
	return d
}
