package app

import (
	"context"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/session"
	"github.com/mealplanner/backend/domain/user"
)

// PasswordChange is the input of ChangePassword.
type PasswordChange struct {
	UserID          string // a path id; "me" allowed
	CurrentPassword string
	NewPassword     string
}

// ChangePassword replaces a password after checking the current one. Every
// other sign-in of the user is ended; the caller's own stays.
func (a *Accounts) ChangePassword(ctx context.Context, p Principal, in PasswordChange) error {
	id, err := p.resolveUser(in.UserID)
	if err != nil {
		return err
	}
	u, err := a.Users.Get(ctx, id)
	if err != nil {
		return notFoundAs(err, errUserNotFound)
	}
	if !a.Hasher.Matches(u.PasswordHash, in.CurrentPassword) {
		return domain.Invalid("current password is incorrect", map[string]string{"currentPassword": "is incorrect"})
	}
	if err := a.setPassword(ctx, id, in.NewPassword); err != nil {
		return err
	}
	keep := ""
	if id == p.UserID {
		keep = p.SessionID
	}
	a.Logger.Info("password changed", "user_id", id)
	return a.revokeUser(ctx, id, keep)
}

func (a *Accounts) setPassword(ctx context.Context, userID, password string) error {
	if err := user.CheckPassword(password); err != nil {
		return err
	}
	hash, err := a.Hasher.Hash(password)
	if err != nil {
		return err
	}
	now := a.Clock.Now()
	_, err = a.Users.Update(ctx, userID, func(u *user.User) error {
		u.SetPasswordHash(hash, now)
		return nil
	})
	return err
}

// RequestPasswordReset emails a single-use reset link valid for an hour. It
// behaves the same whether or not the address has an account, and sends in
// the background so that the response time does not tell either.
func (a *Accounts) RequestPasswordReset(ctx context.Context, email string) error {
	normalised, err := user.NormalizeEmail(email)
	if err != nil {
		return err
	}
	a.tasks.Go("password reset email", func(ctx context.Context) error {
		u, err := a.Users.GetByEmail(ctx, normalised)
		if domain.IsCode(err, domain.CodeNotFound) {
			a.Logger.Info("password reset requested for unknown email")
			return nil
		}
		if err != nil {
			return err
		}
		secret := a.IDs.NewSecret()
		if err := a.Resets.Create(ctx, user.NewPasswordReset(session.HashToken(secret), u.ID, a.Clock.Now())); err != nil {
			return err
		}
		a.Logger.Info("password reset requested", "user_id", u.ID)
		return a.Mailer.Send(ctx, resetEmail(u, a.cfg.ResetURL, secret))
	})
	return nil
}

var errBadResetToken = domain.Invalid("invalid or expired reset token", map[string]string{"token": "invalid or expired"})

// ResetPassword sets a new password with a reset token and ends every sign-in.
// The password is checked before the token is spent, so a weak password does
// not burn the link.
func (a *Accounts) ResetPassword(ctx context.Context, token, newPassword string) error {
	if err := user.CheckPassword(newPassword); err != nil {
		return err
	}
	if token == "" {
		return errBadResetToken
	}
	reset, err := a.Resets.Consume(ctx, session.HashToken(token), a.Clock.Now())
	if domain.IsCode(err, domain.CodeNotFound) {
		return errBadResetToken
	}
	if err != nil {
		return err
	}
	if err := a.setPassword(ctx, reset.UserID, newPassword); err != nil {
		return notFoundAs(err, errBadResetToken)
	}
	a.Logger.Info("password reset", "user_id", reset.UserID)
	return a.revokeUser(ctx, reset.UserID, "")
}

// notFoundAs replaces a repository's generic not-found with the use case's own error.
func notFoundAs(err, replacement error) error {
	if domain.IsCode(err, domain.CodeNotFound) {
		return replacement
	}
	return err
}
