package memory

import (
	"context"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

// ResetRepository is the in-memory ports.PasswordResetRepository of a Store.
type ResetRepository struct{ s *Store }

var _ ports.PasswordResetRepository = (*ResetRepository)(nil)

var (
	errResetNotFound = domain.NotFound("reset token not found")
	errResetTaken    = domain.Conflict("record already exists")
)

func copyReset(r user.PasswordReset) *user.PasswordReset {
	c := r
	c.CreatedAt = utc(r.CreatedAt)
	c.ExpiresAt = utc(r.ExpiresAt)
	c.UsedAt = utcPtr(r.UsedAt)
	return &c
}

// Create stores a reset token. CONFLICT when the hash is taken.
func (r *ResetRepository) Create(_ context.Context, reset user.PasswordReset) error {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	if _, taken := r.s.resets[reset.TokenHash]; taken {
		return errResetTaken
	}
	r.s.resets[reset.TokenHash] = copyReset(reset)
	return nil
}

// Consume marks the token used and returns it. NOT_FOUND when unknown, used
// or expired at now.
func (r *ResetRepository) Consume(_ context.Context, tokenHash string, now time.Time) (user.PasswordReset, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	now = utc(now)
	stored, ok := r.s.resets[tokenHash]
	if !ok || !stored.Usable(now) {
		return user.PasswordReset{}, errResetNotFound
	}
	stored.UsedAt = &now
	return *copyReset(*stored), nil
}
