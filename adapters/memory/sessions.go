package memory

import (
	"context"
	"sort"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/session"
	"github.com/mealplanner/backend/ports"
)

// SessionRepository is the in-memory ports.SessionRepository of a Store.
type SessionRepository struct{ s *Store }

var _ ports.SessionRepository = (*SessionRepository)(nil)

var (
	errSessionNotFound = domain.NotFound("session not found")
	errFamilyNotFound  = domain.NotFound("session family not found")
	errSessionTaken    = domain.Conflict("record already exists")
)

func copySession(s session.Session) *session.Session {
	c := s
	c.CreatedAt = utc(s.CreatedAt)
	c.ExpiresAt = utc(s.ExpiresAt)
	c.RotatedAt = utcPtr(s.RotatedAt)
	c.RevokedAt = utcPtr(s.RevokedAt)
	return &c
}

// Create stores a token. CONFLICT when its id or hash is taken.
func (r *SessionRepository) Create(_ context.Context, s session.Session) error {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	return r.insert(s)
}

func (r *SessionRepository) insert(s session.Session) error {
	if _, taken := r.s.sessions[s.ID]; taken || r.byHash(s.TokenHash) != nil {
		return errSessionTaken
	}
	r.s.sessions[s.ID] = copySession(s)
	return nil
}

func (r *SessionRepository) byHash(hash string) *session.Session {
	for _, s := range r.s.sessions {
		if s.TokenHash == hash {
			return s
		}
	}
	return nil
}

// Rotate lets fn change the token with hash oldHash and stores it and fn's
// successor, under the store's lock. NOT_FOUND when no token has that hash;
// an error from fn is returned as is and changes nothing.
func (r *SessionRepository) Rotate(_ context.Context, oldHash string,
	fn func(current *session.Session) (*session.Session, error)) error {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	stored := r.byHash(oldHash)
	if stored == nil {
		return errSessionNotFound
	}
	cur := copySession(*stored)
	next, err := fn(cur)
	if err != nil {
		return err
	}
	cur.ID = stored.ID
	if next != nil {
		if err := r.insert(*next); err != nil {
			return err
		}
	}
	r.s.sessions[cur.ID] = copySession(*cur)
	return nil
}

// RevokeFamily revokes every token of a family and returns its user id.
// NOT_FOUND when the family is unknown.
func (r *SessionRepository) RevokeFamily(_ context.Context, familyID string, at time.Time) (string, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	userID := ""
	for _, s := range r.s.sessions {
		if s.FamilyID == familyID {
			userID = s.UserID
			s.Revoke(utc(at))
		}
	}
	if userID == "" {
		return "", errFamilyNotFound
	}
	return userID, nil
}

// RevokeUser revokes every unrevoked token of the user outside keepFamily and
// returns the families it touched, sorted.
func (r *SessionRepository) RevokeUser(_ context.Context, userID, keepFamily string, at time.Time) ([]string, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	touched := map[string]bool{}
	for _, s := range r.s.sessions {
		if s.UserID == userID && s.FamilyID != keepFamily && s.RevokedAt == nil {
			s.Revoke(utc(at))
			touched[s.FamilyID] = true
		}
	}
	families := make([]string, 0, len(touched))
	for f := range touched {
		families = append(families, f)
	}
	sort.Strings(families)
	return families, nil
}

// ListActive returns the user's tokens still exchangeable at now, oldest first.
func (r *SessionRepository) ListActive(_ context.Context, userID string, now time.Time) ([]session.Session, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	out := []session.Session{}
	for _, s := range r.s.sessions {
		if s.UserID == userID && s.Active(utc(now)) {
			out = append(out, *copySession(*s))
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].CreatedAt.Equal(out[j].CreatedAt) {
			return out[i].CreatedAt.Before(out[j].CreatedAt)
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}
