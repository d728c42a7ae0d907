package user

import "time"

// ResetTokenTTL is how long an emailed password-reset link stays valid.
const ResetTokenTTL = time.Hour

// PasswordReset is a single-use reset token; only the hash of its secret is stored.
type PasswordReset struct {
	TokenHash string
	UserID    string
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
}

// NewPasswordReset starts a reset valid for ResetTokenTTL.
func NewPasswordReset(tokenHash, userID string, now time.Time) PasswordReset {
	now = now.UTC()
	return PasswordReset{TokenHash: tokenHash, UserID: userID, CreatedAt: now, ExpiresAt: now.Add(ResetTokenTTL)}
}

// Usable reports whether the token can still reset a password at now.
func (r PasswordReset) Usable(now time.Time) bool { return r.UsedAt == nil && now.Before(r.ExpiresAt) }
