package password_test

import (
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/mealplanner/backend/adapters/password"
)

func mustHasher(tb testing.TB) *password.Hasher {
	tb.Helper()
	h, err := password.New(bcrypt.MinCost)
	if err != nil {
		tb.Fatalf("password.New: %v", err)
	}
	return h
}

func mustHash(tb testing.TB, h *password.Hasher, pw string) string {
	tb.Helper()
	hash, err := h.Hash(pw)
	if err != nil {
		tb.Fatalf("Hash: %v", err)
	}
	return hash
}

func TestNewCostRange(t *testing.T) {
	for _, cost := range []int{bcrypt.MinCost - 1, bcrypt.MaxCost + 1, 0, -5} {
		if _, err := password.New(cost); err == nil {
			t.Errorf("New(%d) succeeded", cost)
		}
	}
	for _, cost := range []int{bcrypt.MinCost, 12, bcrypt.MaxCost} {
		if _, err := password.New(cost); err != nil {
			t.Errorf("New(%d): %v", cost, err)
		}
	}
}

func TestHashAndMatch(t *testing.T) {
	h := mustHasher(t)
	hash := mustHash(t, h, "Correct-Horse-1")
	if cost, err := bcrypt.Cost([]byte(hash)); err != nil || cost != bcrypt.MinCost {
		t.Fatalf("hash cost = %d, %v; want %d", cost, err, bcrypt.MinCost)
	}
	if !h.Matches(hash, "Correct-Horse-1") {
		t.Fatal("the right password does not match")
	}
	for _, wrong := range []string{"", "correct-horse-1", "Correct-Horse-1 ", "Correct-Horse-"} {
		if h.Matches(hash, wrong) {
			t.Errorf("%q matches", wrong)
		}
	}
	if again := mustHash(t, h, "Correct-Horse-1"); again == hash {
		t.Fatal("two hashes of one password are equal: no salt")
	}
}

func TestMalformedHashNeverMatches(t *testing.T) {
	h := mustHasher(t)
	hash := mustHash(t, h, "Correct-Horse-1")
	for _, bad := range []string{"", "plain", "Correct-Horse-1", hash[:len(hash)-1], "$2a$04$" + strings.Repeat(".", 53),
		"$2a$99$" + hash[7:]} {
		if h.Matches(bad, "Correct-Horse-1") {
			t.Errorf("malformed hash %q matches", bad)
		}
	}
}

func TestLongPasswords(t *testing.T) {
	h := mustHasher(t)
	longest := strings.Repeat("a", password.MaxLength)
	hash := mustHash(t, h, longest)
	if !h.Matches(hash, longest) {
		t.Fatal("a 72-byte password does not match its hash")
	}
	// bcrypt would ignore byte 73 and on; refusing keeps longest+"x" from matching.
	if h.Matches(hash, longest+"x") {
		t.Fatal("a 73-byte password matches the hash of its first 72 bytes")
	}
	if _, err := h.Hash(longest + "x"); err == nil {
		t.Fatal("Hash accepted a 73-byte password")
	}
}
