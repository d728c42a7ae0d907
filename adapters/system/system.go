// Package system gives the application the real clock and real randomness.
package system

import (
	"crypto/rand"
	"encoding/base64"
	"time"

	"github.com/google/uuid"

	"github.com/mealplanner/backend/ports"
)

var (
	_ ports.Clock       = Clock{}
	_ ports.IDGenerator = IDs{}
)

// Clock is the wall clock, in UTC so that stored times never depend on the
// server's time zone, and to the microsecond, the finest both databases keep:
// a time in a response is then the same as the one read back later.
type Clock struct{}

// Now returns the current time in UTC, truncated to the microsecond.
func (Clock) Now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// IDs makes identifiers and secrets from crypto/rand. Its zero value is ready
// to use and it is safe for concurrent use.
type IDs struct{}

// secretBytes is 256 bits, the port's floor for secrets.
const secretBytes = 32

// NewID returns a UUID version 7: unique, and ordered by creation time, which
// keeps database indexes on ids compact.
func (IDs) NewID() string {
	id, err := uuid.NewV7()
	if err != nil {
		// Only a failing random source gets here; a random (v4) id is still unique.
		return uuid.NewString()
	}
	return id.String()
}

// NewSecret returns 32 random bytes as unpadded base64url (43 characters),
// safe in URLs and headers.
func (IDs) NewSecret() string {
	b := make([]byte, secretBytes)
	// Since Go 1.24 crypto/rand.Read never returns an error: it crashes the
	// program instead of handing out a predictable secret.
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
