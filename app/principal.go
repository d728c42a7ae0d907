package app

import (
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/user"
)

// Principal is the authenticated caller of a use case.
type Principal struct {
	UserID    string
	Role      user.Role
	TokenID   string
	SessionID string
	ExpiresAt time.Time
}

// IsAdmin reports whether the caller holds the admin role.
func (p Principal) IsAdmin() bool { return p.Role == user.RoleAdmin }

// Me is the path alias for the caller's own user id.
const Me = "me"

// resolveUser turns a path user id ("me" allowed) into the id the caller may
// act on. Another user's data is reported as missing, not forbidden, so that
// ids cannot be probed.
func (p Principal) resolveUser(id string) (string, error) {
	if id == Me || id == p.UserID {
		return p.UserID, nil
	}
	if p.IsAdmin() {
		return id, nil
	}
	return "", errUserNotFound
}

var (
	errUserNotFound   = domain.NotFound("user not found")
	errInvalidToken   = &domain.Error{Code: domain.CodeUnauthorized, Message: "invalid or expired token"}
	errBadCredentials = &domain.Error{Code: domain.CodeUnauthorized, Message: "Invalid email or password"}
)
