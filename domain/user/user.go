// Package user models accounts: identity, role, credentials policy, login
// lockout and the preferences that drive planning.
package user

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mealplanner/backend/domain"
)

// Role is what a user may do beyond their own data.
type Role string

// The roles of the contract.
const (
	RoleUser  Role = "user"
	RoleAdmin Role = "admin"
)

// ParseRole accepts a role name in any case.
func ParseRole(s string) (Role, error) {
	switch Role(strings.ToLower(strings.TrimSpace(s))) {
	case RoleUser:
		return RoleUser, nil
	case RoleAdmin:
		return RoleAdmin, nil
	}
	return "", domain.Invalid("role must be user or admin", map[string]string{"role": "must be user or admin"})
}

// MaxNameLength bounds display names, in characters.
const MaxNameLength = 100

// User is an account. PasswordHash is opaque to the domain: hashing is a port.
type User struct {
	ID                     string
	Email                  string
	Name                   string
	Role                   Role
	PasswordHash           string
	HasCompletedOnboarding bool
	Preferences            Preferences
	Lockout                Lockout
	CreatedAt              time.Time
	UpdatedAt              time.Time
	LastLoginAt            *time.Time
	// DeletedAt is set when the account was erased; the row stays, anonymised,
	// so that foreign keys and audit counts survive.
	DeletedAt *time.Time
}

// New validates a registration and returns the new account with default
// preferences. The password must already have passed CheckPassword and been hashed.
func New(id, email, name, passwordHash string, now time.Time) (*User, error) {
	normalised, err := NormalizeEmail(email)
	if err != nil {
		return nil, err
	}
	cleanName, err := NormalizeName(name)
	if err != nil {
		return nil, err
	}
	now = now.UTC()
	return &User{
		ID:           id,
		Email:        normalised,
		Name:         cleanName,
		Role:         RoleUser,
		PasswordHash: passwordHash,
		Preferences:  DefaultPreferences(),
		CreatedAt:    now,
		UpdatedAt:    now,
	}, nil
}

// NormalizeName trims a display name and checks its length. An empty name is allowed.
func NormalizeName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) > MaxNameLength {
		return "", domain.Invalid("name must be at most 100 characters", map[string]string{"name": "must be at most 100 characters"})
	}
	if !utf8.ValidString(name) || strings.ContainsRune(name, 0) {
		return "", domain.Invalid("name contains invalid characters", map[string]string{"name": "contains invalid characters"})
	}
	return name, nil
}

// Active reports whether the account can sign in.
func (u *User) Active() bool { return u.DeletedAt == nil }

// IsAdmin reports whether the user holds the admin role.
func (u *User) IsAdmin() bool { return u.Role == RoleAdmin }

// Rename changes the display name.
func (u *User) Rename(name string, now time.Time) error {
	clean, err := NormalizeName(name)
	if err != nil {
		return err
	}
	u.Name = clean
	u.UpdatedAt = now.UTC()
	return nil
}

// ChangeEmail sets a new, normalised address. Uniqueness is the repository's to enforce.
func (u *User) ChangeEmail(email string, now time.Time) error {
	clean, err := NormalizeEmail(email)
	if err != nil {
		return err
	}
	u.Email = clean
	u.UpdatedAt = now.UTC()
	return nil
}

// SetPasswordHash replaces the credential and clears any lockout.
func (u *User) SetPasswordHash(hash string, now time.Time) {
	u.PasswordHash = hash
	u.Lockout = Lockout{}
	u.UpdatedAt = now.UTC()
}

// CompleteOnboarding marks the first-run flow as done.
func (u *User) CompleteOnboarding(now time.Time) {
	u.HasCompletedOnboarding = true
	u.UpdatedAt = now.UTC()
}

// Anonymise strips everything personal from an erased account. The email is
// replaced by an address that can never be registered (it lacks a valid TLD),
// so the real address becomes free again.
func (u *User) Anonymise(now time.Time) {
	now = now.UTC()
	u.Email = "deleted-" + u.ID + "@erased.invalid"
	u.Name = ""
	u.PasswordHash = ""
	u.Preferences = DefaultPreferences()
	u.Lockout = Lockout{}
	u.HasCompletedOnboarding = false
	u.LastLoginAt = nil
	u.DeletedAt = &now
	u.UpdatedAt = now
}
