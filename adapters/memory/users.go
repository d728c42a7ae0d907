package memory

import (
	"context"
	"sort"
	"strings"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

// UserRepository is the in-memory ports.UserRepository of a Store.
type UserRepository struct{ s *Store }

var _ ports.UserRepository = (*UserRepository)(nil)

var (
	errUserNotFound = domain.NotFound("user not found")
	errEmailTaken   = domain.Conflict("record already exists")
)

// copyUser deep-copies u, normalising it as the SQL adapter stores it, so
// that neither the caller nor the store can change the other's value.
func copyUser(u *user.User) *user.User {
	c := *u
	c.Preferences = copyPreferences(u.Preferences)
	c.Lockout.LastFailureAt = utc(u.Lockout.LastFailureAt)
	c.Lockout.LockedUntil = utc(u.Lockout.LockedUntil)
	c.CreatedAt = utc(u.CreatedAt)
	c.UpdatedAt = utc(u.UpdatedAt)
	c.LastLoginAt = utcPtr(u.LastLoginAt)
	c.DeletedAt = utcPtr(u.DeletedAt)
	return &c
}

func copyPreferences(p user.Preferences) user.Preferences {
	c := p
	c.Dietary = copyList(p.Dietary)
	c.Allergies = copyList(p.Allergies)
	c.DislikedIngredients = copyList(p.DislikedIngredients)
	c.FavoriteCuisines = copyList(p.FavoriteCuisines)
	if p.MaxPrepTime != nil {
		m := *p.MaxPrepTime
		c.MaxPrepTime = &m
	}
	if p.NutritionTargets != nil {
		t := *p.NutritionTargets
		c.NutritionTargets = &t
	}
	return c
}

// Create stores a new user. CONFLICT when the email or id is taken.
func (r *UserRepository) Create(_ context.Context, u *user.User) error {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	if _, taken := r.s.users[u.ID]; taken || r.s.emailTaken(u.Email, "") {
		return errEmailTaken
	}
	r.s.users[u.ID] = copyUser(u)
	return nil
}

// emailTaken reports whether another user than id holds the address; erased
// users hold their anonymised one.
func (s *Store) emailTaken(email, id string) bool {
	for _, u := range s.users {
		if u.Email == email && u.ID != id {
			return true
		}
	}
	return false
}

// live returns the stored user if it exists and is not erased.
func (s *Store) live(id string) (*user.User, error) {
	u, ok := s.users[id]
	if !ok || u.DeletedAt != nil {
		return nil, errUserNotFound
	}
	return u, nil
}

// Get returns a live user. NOT_FOUND when unknown or erased.
func (r *UserRepository) Get(_ context.Context, id string) (*user.User, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	u, err := r.s.live(id)
	if err != nil {
		return nil, err
	}
	return copyUser(u), nil
}

// GetByEmail looks up a live user by normalised email. NOT_FOUND when none.
func (r *UserRepository) GetByEmail(_ context.Context, email string) (*user.User, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	for _, u := range r.s.users {
		if u.Email == email && u.DeletedAt == nil {
			return copyUser(u), nil
		}
	}
	return nil, errUserNotFound
}

// Update applies fn to a copy of a live user and stores the copy. NOT_FOUND
// when unknown or erased; CONFLICT when the new email is taken; an error from
// fn is returned as is and changes nothing.
func (r *UserRepository) Update(_ context.Context, id string, fn func(*user.User) error) (*user.User, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	cur, err := r.s.live(id)
	if err != nil {
		return nil, err
	}
	next := copyUser(cur)
	if err := fn(next); err != nil {
		return nil, err
	}
	next.ID = id
	if r.s.emailTaken(next.Email, id) {
		return nil, errEmailTaken
	}
	r.s.users[id] = copyUser(next)
	return copyUser(next), nil
}

// Erase deletes the user's sessions, reset tokens and activities and stores
// the user as fn leaves it, all under the store's lock. NOT_FOUND when
// unknown or already erased.
func (r *UserRepository) Erase(_ context.Context, id string, fn func(*user.User) error) error {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	cur, err := r.s.live(id)
	if err != nil {
		return err
	}
	next := copyUser(cur)
	if err := fn(next); err != nil {
		return err
	}
	next.ID = id
	if r.s.emailTaken(next.Email, id) {
		return errEmailTaken
	}
	r.s.erasePlans(id)
	r.s.eraseFavorites(id)
	r.s.eraseRatings(id)
	for sid, sess := range r.s.sessions {
		if sess.UserID == id {
			delete(r.s.sessions, sid)
		}
	}
	for hash, reset := range r.s.resets {
		if reset.UserID == id {
			delete(r.s.resets, hash)
		}
	}
	for _, a := range r.s.activities[id] {
		delete(r.s.activityID, a.ID)
	}
	delete(r.s.activities, id)
	r.s.users[id] = copyUser(next)
	return nil
}

// List returns live users matching q, newest first, and the total match
// count. A Limit of zero or less means no limit.
func (r *UserRepository) List(_ context.Context, q ports.UserQuery) ([]*user.User, int, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	matches := []*user.User{}
	for _, u := range r.s.users {
		if u.DeletedAt == nil && matchesQuery(u, q) {
			matches = append(matches, u)
		}
	}
	sort.Slice(matches, func(i, j int) bool {
		a, b := matches[i], matches[j]
		if !a.CreatedAt.Equal(b.CreatedAt) {
			return a.CreatedAt.After(b.CreatedAt)
		}
		return a.ID > b.ID
	})
	total := len(matches)
	page := matches[min(max(q.Offset, 0), total):]
	if q.Limit > 0 && q.Limit < len(page) {
		page = page[:q.Limit]
	}
	out := make([]*user.User, len(page))
	for i, u := range page {
		out[i] = copyUser(u)
	}
	return out, total, nil
}

func matchesQuery(u *user.User, q ports.UserQuery) bool {
	if q.Role != "" && u.Role != q.Role {
		return false
	}
	needle := strings.ToLower(q.Search)
	return strings.Contains(strings.ToLower(u.Email), needle) || strings.Contains(strings.ToLower(u.Name), needle)
}
