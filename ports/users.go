package ports

import (
	"context"

	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/domain/user"
)

// UserQuery filters the admin listing of users.
type UserQuery struct {
	Search string    // substring of email or name, case-insensitive; "" for all
	Role   user.Role // "" for any role
	Offset int
	Limit  int
}

// UserRepository stores accounts. Erased accounts stay as anonymised rows but
// are never returned by Get or GetByEmail.
type UserRepository interface {
	// Create stores a new user. CONFLICT when the email is taken.
	Create(ctx context.Context, u *user.User) error
	// Get returns a live user. NOT_FOUND when unknown or erased.
	Get(ctx context.Context, id string) (*user.User, error)
	// GetByEmail looks up a live user by normalised email. NOT_FOUND when none.
	GetByEmail(ctx context.Context, email string) (*user.User, error)
	// Update loads a live user, applies fn and saves the result atomically;
	// an error from fn aborts the change and is returned as is.
	// NOT_FOUND when unknown or erased; CONFLICT when the new email is taken.
	Update(ctx context.Context, id string, fn func(*user.User) error) (*user.User, error)
	// List returns live users, newest first, and the total matching count.
	List(ctx context.Context, q UserQuery) ([]*user.User, int, error)
	// Erase deletes every personal row of the user in every table (sessions,
	// reset tokens, activities and whatever later features store) and saves the
	// user as changed by fn (expected to anonymise it), in one transaction.
	// NOT_FOUND when unknown or already erased.
	Erase(ctx context.Context, id string, fn func(*user.User) error) error
}

// ActivityRepository stores the per-user activity log.
type ActivityRepository interface {
	// Add appends an activity.
	Add(ctx context.Context, a activity.Activity) error
	// List returns the user's newest activities first, at most limit of them.
	List(ctx context.Context, userID string, limit int) ([]activity.Activity, error)
	// All returns every activity of the user, oldest first, for data export.
	All(ctx context.Context, userID string) ([]activity.Activity, error)
}
