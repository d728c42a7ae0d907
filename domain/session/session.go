// Package session models refresh-token sessions: a family of rotating
// refresh tokens per sign-in, with reuse detection and a cap on active sign-ins.
package session

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"time"
)

// Lifetimes and limits of the contract.
const (
	AccessTokenTTL  = time.Hour
	RefreshTokenTTL = 7 * 24 * time.Hour
	RememberMeTTL   = 30 * 24 * time.Hour
	MaxActive       = 5
)

// Session is one refresh token. Every refresh retires the presented token and
// issues a successor in the same family; the family is one sign-in.
type Session struct {
	ID         string
	UserID     string
	FamilyID   string
	TokenHash  string
	RememberMe bool
	CreatedAt  time.Time
	ExpiresAt  time.Time
	// RotatedAt is set once a successor was issued: presenting this token
	// again means it was stolen, and the whole family is revoked.
	RotatedAt *time.Time
	RevokedAt *time.Time
}

// Start opens a new family with its first refresh token.
func Start(id, userID, tokenHash string, rememberMe bool, now time.Time) Session {
	return newToken(id, userID, id, tokenHash, rememberMe, now)
}

func newToken(id, userID, familyID, tokenHash string, rememberMe bool, now time.Time) Session {
	now = now.UTC()
	ttl := RefreshTokenTTL
	if rememberMe {
		ttl = RememberMeTTL
	}
	return Session{ID: id, UserID: userID, FamilyID: familyID, TokenHash: tokenHash,
		RememberMe: rememberMe, CreatedAt: now, ExpiresAt: now.Add(ttl)}
}

// Active reports whether the token can be exchanged at now.
func (s Session) Active(now time.Time) bool {
	return s.RotatedAt == nil && s.RevokedAt == nil && now.Before(s.ExpiresAt)
}

// Outcome is what presenting a refresh token leads to.
type Outcome int

// The outcomes of a refresh attempt.
const (
	Rotate  Outcome = iota // valid: issue a successor
	Reused                 // already rotated: theft, revoke the family
	Invalid                // expired or revoked: refuse
)

// Check classifies a presented refresh token.
func (s Session) Check(now time.Time) Outcome {
	switch {
	case s.RotatedAt != nil:
		return Reused
	case s.RevokedAt != nil || !now.Before(s.ExpiresAt):
		return Invalid
	}
	return Rotate
}

// Successor retires s and returns the token that replaces it. The family keeps
// its remember-me lifetime, renewed from now.
func (s *Session) Successor(id, tokenHash string, now time.Time) Session {
	t := now.UTC()
	s.RotatedAt = &t
	return newToken(id, s.UserID, s.FamilyID, tokenHash, s.RememberMe, now)
}

// Revoke ends the token at now; revoking twice keeps the first time.
func (s *Session) Revoke(now time.Time) {
	if s.RevokedAt == nil {
		t := now.UTC()
		s.RevokedAt = &t
	}
}

// FamiliesToEvict picks the families to revoke so that, after one more sign-in,
// at most MaxActive remain: the least recently refreshed go first.
func FamiliesToEvict(active []Session) []string {
	excess := len(active) - (MaxActive - 1)
	if excess <= 0 {
		return nil
	}
	sorted := append([]Session(nil), active...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].CreatedAt.Before(sorted[j].CreatedAt) })
	out := make([]string, 0, excess)
	for _, s := range sorted[:excess] {
		out = append(out, s.FamilyID)
	}
	return out
}

// HashToken is how opaque secrets (refresh and reset tokens) are stored: a
// SHA-256 digest, enough for high-entropy random secrets.
func HashToken(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}
