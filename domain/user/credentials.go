package user

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/mealplanner/backend/domain"
)

// Password policy limits. bcrypt ignores bytes past 72, so longer passwords
// are refused rather than silently truncated.
const (
	MinPasswordLength = 8
	MaxPasswordBytes  = 72
)

// Messages the frontend shows verbatim (and, for the weak-password text, translates).
const (
	msgPasswordShort = "password must be at least 8 characters"
	msgPasswordLong  = "password must be at most 72 bytes"
	msgPasswordWeak  = "password must contain uppercase, lowercase, number, and special character"
	msgEmailInvalid  = "invalid email format"
)

// CheckPassword enforces the password policy: 8–72 bytes with an upper-case
// letter, a lower-case letter, a digit and a punctuation or symbol character.
// Letters and digits are judged by Unicode class, as the frontend does.
func CheckPassword(password string) error {
	if len([]rune(password)) < MinPasswordLength {
		return domain.Invalid(msgPasswordShort, map[string]string{"password": msgPasswordShort})
	}
	if len(password) > MaxPasswordBytes {
		return domain.Invalid(msgPasswordLong, map[string]string{"password": msgPasswordLong})
	}
	var upper, lower, digit, special bool
	for _, r := range password {
		switch {
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsLower(r):
			lower = true
		case unicode.IsNumber(r):
			digit = true
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			special = true
		}
	}
	if !(upper && lower && digit && special) {
		return domain.Invalid(msgPasswordWeak, map[string]string{"password": msgPasswordWeak})
	}
	return nil
}

// emailPattern is the address shape the original backend accepted; it is
// deliberately narrower than RFC 5322 (no quoted local parts, a letter TLD).
var emailPattern = regexp.MustCompile(`^[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}$`)

// MaxEmailLength is the longest address a mail system will route.
const MaxEmailLength = 254

// NormalizeEmail trims and lower-cases an address and checks its shape.
func NormalizeEmail(email string) (string, error) {
	e := strings.ToLower(strings.TrimSpace(email))
	if len(e) > MaxEmailLength || !emailPattern.MatchString(e) ||
		strings.Contains(e, "..") || strings.HasPrefix(e, ".") {
		return "", domain.Invalid(msgEmailInvalid, map[string]string{"email": msgEmailInvalid})
	}
	return e, nil
}
