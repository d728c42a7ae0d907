package ports

import (
	"context"
	"time"
)

// Cache stores opaque bytes for a while. A miss is not an error.
type Cache interface {
	// Get returns the value and true, or false on a miss.
	Get(ctx context.Context, key string) ([]byte, bool, error)
	// Set stores the value for ttl.
	Set(ctx context.Context, key string, value []byte, ttl time.Duration) error
	// Delete removes keys; missing keys are ignored.
	Delete(ctx context.Context, keys ...string) error
}
