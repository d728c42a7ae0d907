package ports

import (
	"context"
	"time"

	"github.com/mealplanner/backend/domain/user"
)

// AccessClaims is what an access token asserts.
type AccessClaims struct {
	UserID    string
	Role      user.Role
	TokenID   string // jti
	SessionID string // the refresh family the token was issued for
	IssuedAt  time.Time
	ExpiresAt time.Time
}

// AccessTokens signs and verifies stateless access tokens.
type AccessTokens interface {
	// Issue signs the claims.
	Issue(c AccessClaims) (string, error)
	// Verify checks signature, issuer, audience and expiry at now.
	// UNAUTHORIZED for any token that is not valid.
	Verify(token string, now time.Time) (AccessClaims, error)
}

// RevocationList remembers revoked identifiers (access-token ids, session
// families) until the tokens carrying them would have expired anyway. It is
// shared by every API instance.
type RevocationList interface {
	// Revoke records the ids as revoked until the given time.
	Revoke(ctx context.Context, until time.Time, ids ...string) error
	// AnyRevoked reports whether any of the ids is revoked now.
	AnyRevoked(ctx context.Context, ids ...string) (bool, error)
}

// PasswordHasher turns passwords into slow, salted hashes.
type PasswordHasher interface {
	// Hash returns an encoded hash of the password.
	Hash(password string) (string, error)
	// Matches reports whether the password matches the encoded hash; a
	// malformed hash does not match.
	Matches(hash, password string) bool
}
