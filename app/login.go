package app

import (
	"context"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/user"
)

// Login is the input of SignIn.
type Login struct {
	Email      string
	Password   string
	RememberMe bool
}

// SignIn checks a password and opens a session. Unknown emails and wrong
// passwords get the same answer; the third consecutive failure locks the
// account for five minutes, and every attempt during the lock is refused.
func (a *Accounts) SignIn(ctx context.Context, in Login) (Credentials, error) {
	if in.Email == "" || in.Password == "" {
		return Credentials{}, domain.Invalid("email and password are required",
			map[string]string{"email": "required", "password": "required"})
	}
	email, err := user.NormalizeEmail(in.Email)
	if err != nil {
		a.Hasher.Matches(a.dummyHash, in.Password)
		return Credentials{}, errBadCredentials
	}
	u, err := a.Users.GetByEmail(ctx, email)
	if domain.IsCode(err, domain.CodeNotFound) {
		a.Hasher.Matches(a.dummyHash, in.Password)
		a.Logger.Info("login failed", "reason", "unknown email")
		return Credentials{}, errBadCredentials
	}
	if err != nil {
		return Credentials{}, err
	}
	now := a.Clock.Now()
	if u.Lockout.Locked(now) {
		a.Logger.Info("login refused", "reason", "account locked", "user_id", u.ID)
		return Credentials{}, u.Lockout.LockedError(now)
	}
	if !a.Hasher.Matches(u.PasswordHash, in.Password) {
		return Credentials{}, a.countFailure(ctx, u.ID)
	}
	u, err = a.Users.Update(ctx, u.ID, func(u *user.User) error {
		if u.Lockout.Locked(now) {
			return u.Lockout.LockedError(now)
		}
		u.Lockout.Reset()
		t := now.UTC()
		u.LastLoginAt = &t
		return nil
	})
	if err != nil {
		return Credentials{}, err
	}
	a.Logger.Info("user signed in", "user_id", u.ID)
	return a.startSession(ctx, u, in.RememberMe)
}

// countFailure records a failed attempt atomically and answers 401, or the
// lock error when this attempt locked the account.
func (a *Accounts) countFailure(ctx context.Context, userID string) error {
	now := a.Clock.Now()
	var lockErr error
	_, err := a.Users.Update(ctx, userID, func(u *user.User) error {
		if u.Lockout.Locked(now) {
			lockErr = u.Lockout.LockedError(now)
			return nil
		}
		if u.Lockout.RecordFailure(now) {
			lockErr = u.Lockout.LockedError(now)
			a.Logger.Warn("account locked after failed logins", "user_id", userID)
		}
		return nil
	})
	switch {
	case err != nil:
		return err
	case lockErr != nil:
		return lockErr
	}
	a.Logger.Info("login failed", "reason", "wrong password", "user_id", userID)
	return errBadCredentials
}
