package sql

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

// ResetRepository stores password-reset tokens in the password_resets table.
type ResetRepository struct{ db *DB }

var _ ports.PasswordResetRepository = (*ResetRepository)(nil)

// NewResetRepository returns the password-reset repository of db.
func NewResetRepository(db *DB) *ResetRepository { return &ResetRepository{db: db} }

var errResetNotFound = domain.NotFound("reset token not found")

type resetRow struct {
	bun.BaseModel `bun:"table:password_resets,alias:pr"`

	TokenHash string     `bun:"token_hash,pk"`
	UserID    string     `bun:"user_id"`
	CreatedAt time.Time  `bun:"created_at"`
	ExpiresAt time.Time  `bun:"expires_at"`
	UsedAt    *time.Time `bun:"used_at"`
}

func resetFromDomain(r user.PasswordReset) *resetRow {
	return &resetRow{TokenHash: r.TokenHash, UserID: r.UserID, CreatedAt: utc(r.CreatedAt),
		ExpiresAt: utc(r.ExpiresAt), UsedAt: utcPtr(r.UsedAt)}
}

func (r *resetRow) toDomain() user.PasswordReset {
	return user.PasswordReset{TokenHash: r.TokenHash, UserID: r.UserID, CreatedAt: utc(r.CreatedAt),
		ExpiresAt: utc(r.ExpiresAt), UsedAt: utcPtr(r.UsedAt)}
}

// Create stores a reset token. CONFLICT when the hash is taken.
func (r *ResetRepository) Create(ctx context.Context, reset user.PasswordReset) error {
	_, err := r.db.bun.NewInsert().Model(resetFromDomain(reset)).Exec(ctx)
	return translate(err)
}

// Consume marks the token used and returns it. A single conditional
// UPDATE … RETURNING makes it atomic: of two concurrent calls, the second finds
// the token used and gets NOT_FOUND, as it does for unknown or expired tokens.
func (r *ResetRepository) Consume(ctx context.Context, tokenHash string, now time.Time) (user.PasswordReset, error) {
	var row resetRow
	_, err := r.db.bun.NewUpdate().Model(&row).Set("used_at = ?", utc(now)).
		Where("token_hash = ?", tokenHash).Where("used_at IS NULL").Where("expires_at > ?", utc(now)).
		Returning("*").Exec(ctx)
	if err != nil {
		return user.PasswordReset{}, notFoundAs(translate(err), errResetNotFound)
	}
	if row.TokenHash == "" {
		return user.PasswordReset{}, errResetNotFound
	}
	return row.toDomain(), nil
}
