package ports

import "time"

// Clock tells the time; tests use one they can move.
type Clock interface {
	Now() time.Time
}

// IDGenerator makes identifiers and secrets.
type IDGenerator interface {
	// NewID returns a new unique identifier (a UUID).
	NewID() string
	// NewSecret returns an unguessable URL-safe secret of at least 256 bits.
	NewSecret() string
}
