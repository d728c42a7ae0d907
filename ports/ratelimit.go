package ports

import (
	"context"
	"time"
)

// RateDecision is the limiter's answer for one request.
type RateDecision struct {
	Allowed    bool
	Limit      int
	Remaining  int
	ResetAt    time.Time     // when the current window ends
	RetryAfter time.Duration // when refused: how long until a request may pass
}

// RateLimiter counts requests per key in fixed windows, shared by every API instance.
type RateLimiter interface {
	// Allow counts one request against key and says whether it is within limit
	// requests per window.
	Allow(ctx context.Context, key string, limit int, window time.Duration) (RateDecision, error)
}
