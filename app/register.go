package app

import (
	"context"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/user"
)

// Registration is the input of Register.
type Registration struct {
	Email    string
	Password string
	Name     string
}

// Register creates an account, signs it in and sends a welcome email in the
// background (a failed email never fails the registration).
func (a *Accounts) Register(ctx context.Context, in Registration) (Credentials, error) {
	u, err := a.newUser(in, user.RoleUser)
	if err != nil {
		return Credentials{}, err
	}
	if err := a.Users.Create(ctx, u); err != nil {
		if domain.IsCode(err, domain.CodeConflict) {
			return Credentials{}, &domain.Error{Code: domain.CodeConflict, Message: "Email already exists",
				Details: map[string]any{"field": "email"}}
		}
		return Credentials{}, err
	}
	a.Logger.Info("user registered", "user_id", u.ID)
	a.sendWelcome(u)
	return a.startSession(ctx, u, false)
}

// newUser validates the email first, then the password, and hashes it.
func (a *Accounts) newUser(in Registration, role user.Role) (*user.User, error) {
	if _, err := user.NormalizeEmail(in.Email); err != nil {
		return nil, err
	}
	if err := user.CheckPassword(in.Password); err != nil {
		return nil, err
	}
	hash, err := a.Hasher.Hash(in.Password)
	if err != nil {
		return nil, err
	}
	u, err := user.New(a.IDs.NewID(), in.Email, in.Name, hash, a.Clock.Now())
	if err != nil {
		return nil, err
	}
	u.Role = role
	return u, nil
}

// CreateAdmin creates an administrator account; it is the only way one comes
// to exist (there is no default password).
func (a *Accounts) CreateAdmin(ctx context.Context, email, password, name string) (*user.User, error) {
	u, err := a.newUser(Registration{Email: email, Password: password, Name: name}, user.RoleAdmin)
	if err != nil {
		return nil, err
	}
	if err := a.Users.Create(ctx, u); err != nil {
		if domain.IsCode(err, domain.CodeConflict) {
			return nil, domain.Conflict("a user with this email already exists")
		}
		return nil, err
	}
	a.Logger.Info("admin created", "user_id", u.ID)
	return u, nil
}
