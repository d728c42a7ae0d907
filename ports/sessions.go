package ports

import (
	"context"
	"time"

	"github.com/mealplanner/backend/domain/session"
	"github.com/mealplanner/backend/domain/user"
)

// SessionRepository stores refresh tokens (only their hashes).
type SessionRepository interface {
	// Create stores the first token of a new family.
	Create(ctx context.Context, s session.Session) error
	// Rotate loads the token with hash oldHash, lets fn inspect and change it,
	// stores the changed token and, when fn returns a non-nil successor, stores
	// that too, all in one transaction: of two concurrent rotations of one
	// token, exactly one sees it unrotated. An error from fn aborts everything
	// and is returned as is. NOT_FOUND when no token has that hash.
	Rotate(ctx context.Context, oldHash string, fn func(current *session.Session) (*session.Session, error)) error
	// RevokeFamily revokes every token of a family; revoking twice is harmless.
	// It returns the family's user id, or NOT_FOUND when the family is unknown.
	RevokeFamily(ctx context.Context, familyID string, at time.Time) (userID string, err error)
	// RevokeUser revokes every token of the user except those of keepFamily
	// ("" keeps none) and returns the ids of the families it revoked.
	RevokeUser(ctx context.Context, userID, keepFamily string, at time.Time) ([]string, error)
	// ListActive returns the user's tokens that are still exchangeable at now
	// (one per live family).
	ListActive(ctx context.Context, userID string, now time.Time) ([]session.Session, error)
}

// PasswordResetRepository stores password-reset tokens (only their hashes).
type PasswordResetRepository interface {
	// Create stores a reset token.
	Create(ctx context.Context, r user.PasswordReset) error
	// Consume marks the token used and returns it, atomically, so that a token
	// resets at most one password. NOT_FOUND when unknown, used or expired at now.
	Consume(ctx context.Context, tokenHash string, now time.Time) (user.PasswordReset, error)
}
