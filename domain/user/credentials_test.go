package user_test

import (
	"strings"
	"testing"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/user"
)

func TestCheckPassword(t *testing.T) {
	t.Parallel()
	const short = "password must be at least 8 characters"
	const weak = "password must contain uppercase, lowercase, number, and special character"
	tests := []struct {
		password string
		want     string // "" = accepted
	}{
		{"Test123!", ""},
		{"Test123!@#abc", ""},
		{"Ünïcödé1€x", ""},               // Unicode letters and a currency symbol count
		{"Tes1!", short},                 // 5 characters
		{"", short},                      // empty
		{"ÄÖÜäöü1", short},               // 7 runes though 13 bytes
		{"password", weak},               // lower only
		{"PASSWORD1!", weak},             // no lower case
		{"password1!", weak},             // no upper case
		{"Password!!", weak},             // no digit
		{"Password12", weak},             // no special character
		{"Pass word12", weak},            // a space is not special
		{strings.Repeat("Aa1!", 18), ""}, // 72 bytes: the bcrypt limit
		{strings.Repeat("Aa1!", 18) + "x", "password must be at most 72 bytes"},
	}
	for _, tt := range tests {
		err := user.CheckPassword(tt.password)
		if tt.want == "" {
			if err != nil {
				t.Errorf("CheckPassword(%q) = %v, want nil", tt.password, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("CheckPassword(%q) = %v, want %q", tt.password, err, tt.want)
		}
		if domain.ErrorCode(err) != domain.CodeValidation {
			t.Errorf("CheckPassword(%q) code = %v, want VALIDATION_ERROR", tt.password, domain.ErrorCode(err))
		}
	}
}

func TestNormalizeEmail(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"  Alice@Example.COM ", "alice@example.com"},
		{"bob.smith+tag@mail.example.org", "bob.smith+tag@mail.example.org"},
		{"o'neil@example.com", ""},
		{"no-at-sign.example.com", ""},
		{"a@b", ""},
		{"a@b.c", ""},
		{"a@@b.com", ""},
		{"a..b@example.com", ""},
		{".a@example.com", ""},
		{"", ""},
		{strings.Repeat("a", 250) + "@x.com", ""},
		{"deleted-1@erased.invalid", "deleted-1@erased.invalid"},
	}
	for _, tt := range tests {
		got, err := user.NormalizeEmail(tt.in)
		if tt.want == "" {
			if err == nil || err.Error() != "VALIDATION_ERROR: invalid email format" {
				t.Errorf("NormalizeEmail(%q) = %q, %v; want invalid email format", tt.in, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("NormalizeEmail(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func FuzzNormalizeEmail(f *testing.F) {
	for _, s := range []string{"a@b.co", " X@Y.ORG ", "@", "a@b..com", "\x00@a.com"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := user.NormalizeEmail(s)
		if err != nil {
			return
		}
		again, err := user.NormalizeEmail(got)
		if err != nil || again != got {
			t.Fatalf("normalising %q twice changed it: %q then %q (%v)", s, got, again, err)
		}
		if got != strings.ToLower(got) || strings.TrimSpace(got) != got {
			t.Fatalf("NormalizeEmail(%q) = %q is not trimmed lower case", s, got)
		}
	})
}
