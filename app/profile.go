package app

import (
	"context"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/domain/user"
)

// GetUser returns a user the caller may see ("me" allowed).
func (a *Accounts) GetUser(ctx context.Context, p Principal, userID string) (*user.User, error) {
	id, err := p.resolveUser(userID)
	if err != nil {
		return nil, err
	}
	u, err := a.Users.Get(ctx, id)
	return u, notFoundAs(err, errUserNotFound)
}

// CompleteOnboarding marks the caller's first-run flow as done.
func (a *Accounts) CompleteOnboarding(ctx context.Context, p Principal) (*user.User, error) {
	now := a.Clock.Now()
	u, err := a.Users.Update(ctx, p.UserID, func(u *user.User) error {
		u.CompleteOnboarding(now)
		return nil
	})
	return u, notFoundAs(err, errUserNotFound)
}

// ProfileChange is the input of UpdateProfile; nil fields stay as they are.
type ProfileChange struct {
	UserID string // a path id; "me" allowed
	Name   *string
	Email  *string
}

// UpdateProfile renames a user or changes their email.
func (a *Accounts) UpdateProfile(ctx context.Context, p Principal, in ProfileChange) (*user.User, error) {
	id, err := p.resolveUser(in.UserID)
	if err != nil {
		return nil, err
	}
	now := a.Clock.Now()
	u, err := a.Users.Update(ctx, id, func(u *user.User) error {
		if in.Name != nil {
			if err := u.Rename(*in.Name, now); err != nil {
				return err
			}
		}
		if in.Email != nil {
			return u.ChangeEmail(*in.Email, now)
		}
		return nil
	})
	if domain.IsCode(err, domain.CodeConflict) {
		return nil, &domain.Error{Code: domain.CodeConflict, Message: "email already in use", Details: map[string]any{"field": "email"}}
	}
	return u, notFoundAs(err, errUserNotFound)
}

// UpdatePreferences applies a validated patch to a user's preferences.
func (a *Accounts) UpdatePreferences(ctx context.Context, p Principal, userID string, patch user.PreferencesPatch) (*user.User, error) {
	id, err := p.resolveUser(userID)
	if err != nil {
		return nil, err
	}
	now := a.Clock.Now()
	u, err := a.Users.Update(ctx, id, func(u *user.User) error {
		next, err := u.Preferences.Apply(patch)
		if err != nil {
			return err
		}
		u.Preferences = next
		u.UpdatedAt = now.UTC()
		return nil
	})
	if err != nil {
		return nil, notFoundAs(err, errUserNotFound)
	}
	a.record(ctx, id, activity.UpdatePreferences, "Updated preferences")
	return u, nil
}
