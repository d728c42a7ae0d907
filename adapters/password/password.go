// Package password hashes passwords with bcrypt.
package password

import (
	"fmt"

	"golang.org/x/crypto/bcrypt"

	"github.com/mealplanner/backend/ports"
)

var _ ports.PasswordHasher = (*Hasher)(nil)

// MaxLength is the longest password bcrypt can tell apart: it reads only the
// first 72 bytes, so longer passwords are refused rather than truncated.
const MaxLength = 72

// Hasher is a ports.PasswordHasher using bcrypt at a fixed cost. It is safe
// for concurrent use.
type Hasher struct {
	cost int
}

// New returns a hasher of the given bcrypt cost, between bcrypt.MinCost and
// bcrypt.MaxCost. Production passes at least 12 (the contract's floor); tests
// pass bcrypt.MinCost to stay fast.
func New(cost int) (*Hasher, error) {
	if cost < bcrypt.MinCost || cost > bcrypt.MaxCost {
		return nil, fmt.Errorf("password: bcrypt cost %d outside %d..%d", cost, bcrypt.MinCost, bcrypt.MaxCost)
	}
	return &Hasher{cost: cost}, nil
}

// Hash returns the bcrypt encoding of the password, salt and cost included.
func (h *Hasher) Hash(password string) (string, error) {
	if len(password) > MaxLength {
		return "", fmt.Errorf("password: longer than %d bytes", MaxLength)
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), h.cost)
	if err != nil {
		return "", fmt.Errorf("password: hash: %w", err)
	}
	return string(hash), nil
}

// Matches reports whether password matches hash. A malformed hash, or a
// password longer than bcrypt can check, never matches.
func (h *Hasher) Matches(hash, password string) bool {
	if len(password) > MaxLength {
		return false
	}
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) == nil
}
