package jwt_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	gojwt "github.com/golang-jwt/jwt/v5"

	"github.com/mealplanner/backend/adapters/jwt"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

const (
	testIssuer   = "mealplanner"
	testAudience = "mealplanner-api"
)

var (
	testSecret = []byte("0123456789abcdef0123456789abcdef")
	issuedAt   = time.Date(2025, 3, 9, 9, 0, 0, 0, time.UTC)
)

func mustTokens(tb testing.TB, secret []byte, issuer, audience string) *jwt.Tokens {
	tb.Helper()
	tk, err := jwt.New(secret, issuer, audience)
	if err != nil {
		tb.Fatalf("jwt.New: %v", err)
	}
	return tk
}

func testClaims() ports.AccessClaims {
	return ports.AccessClaims{UserID: "u-1", Role: user.RoleAdmin, TokenID: "jti-1", SessionID: "fam-1",
		IssuedAt: issuedAt, ExpiresAt: issuedAt.Add(time.Hour)}
}

func mustIssue(tb testing.TB, tk *jwt.Tokens, c ports.AccessClaims) string {
	tb.Helper()
	token, err := tk.Issue(c)
	if err != nil {
		tb.Fatalf("Issue: %v", err)
	}
	return token
}

// mustSign signs arbitrary claims with any method, to build tokens the
// adapter would never issue.
func mustSign(tb testing.TB, method gojwt.SigningMethod, key any, c gojwt.MapClaims) string {
	tb.Helper()
	s, err := gojwt.NewWithClaims(method, c).SignedString(key)
	if err != nil {
		tb.Fatalf("sign %s: %v", method.Alg(), err)
	}
	return s
}

func validMapClaims() gojwt.MapClaims {
	return gojwt.MapClaims{"sub": "u-1", "role": "admin", "jti": "jti-1", "sid": "fam-1", "iss": testIssuer,
		"aud": testAudience, "iat": issuedAt.Unix(), "exp": issuedAt.Add(time.Hour).Unix()}
}

func assertUnauthorized(t *testing.T, tk *jwt.Tokens, token string, now time.Time) {
	t.Helper()
	_, err := tk.Verify(token, now)
	if err == nil {
		t.Fatalf("Verify(%.40q) succeeded, want UNAUTHORIZED", token)
	}
	if !domain.IsCode(err, domain.CodeUnauthorized) || !strings.HasSuffix(err.Error(), "invalid or expired token") {
		t.Fatalf("Verify error = %v, want UNAUTHORIZED invalid or expired token", err)
	}
}

func TestNewRefusesWeakConfig(t *testing.T) {
	if _, err := jwt.New(testSecret[:31], testIssuer, testAudience); err == nil {
		t.Error("a 31-byte secret was accepted")
	}
	if _, err := jwt.New(testSecret, "", testAudience); err == nil {
		t.Error("an empty issuer was accepted")
	}
	if _, err := jwt.New(testSecret, testIssuer, ""); err == nil {
		t.Error("an empty audience was accepted")
	}
}

func TestRoundTrip(t *testing.T) {
	tk := mustTokens(t, testSecret, testIssuer, testAudience)
	want := testClaims()
	got, err := tk.Verify(mustIssue(t, tk, want), issuedAt.Add(30*time.Minute))
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if got != want {
		t.Fatalf("claims = %+v, want %+v", got, want)
	}
}

func TestIssueRefusesIncompleteClaims(t *testing.T) {
	tk := mustTokens(t, testSecret, testIssuer, testAudience)
	spoil := []func(c *ports.AccessClaims){
		func(c *ports.AccessClaims) { c.UserID = "" },
		func(c *ports.AccessClaims) { c.TokenID = "" },
		func(c *ports.AccessClaims) { c.Role = "root" },
		func(c *ports.AccessClaims) { c.ExpiresAt = time.Time{} },
		func(c *ports.AccessClaims) { c.ExpiresAt = c.IssuedAt },
	}
	for i, f := range spoil {
		c := testClaims()
		f(&c)
		if _, err := tk.Issue(c); err == nil {
			t.Errorf("case %d: Issue(%+v) succeeded", i, c)
		}
	}
}

func TestVerifyTimes(t *testing.T) {
	tk := mustTokens(t, testSecret, testIssuer, testAudience)
	token := mustIssue(t, tk, testClaims())
	exp := issuedAt.Add(time.Hour)
	if _, err := tk.Verify(token, exp.Add(-time.Second)); err != nil {
		t.Fatalf("a second before expiry: %v", err)
	}
	assertUnauthorized(t, tk, token, exp.Add(10*time.Second)) // past the leeway
	assertUnauthorized(t, tk, token, exp.Add(24*time.Hour))
	assertUnauthorized(t, tk, token, issuedAt.Add(-time.Minute)) // issued in the future
}

func TestVerifyRejectsTampering(t *testing.T) {
	tk := mustTokens(t, testSecret, testIssuer, testAudience)
	token := mustIssue(t, tk, testClaims())
	now := issuedAt.Add(time.Minute)
	parts := strings.Split(token, ".")

	sig := []byte(parts[2])
	sig[len(sig)/2] ^= 1 // flip a bit in a middle character
	assertUnauthorized(t, tk, parts[0]+"."+parts[1]+"."+string(sig), now)

	payload := base64.RawURLEncoding.EncodeToString([]byte(
		`{"sub":"u-2","role":"admin","jti":"jti-1","iss":"mealplanner","aud":["mealplanner-api"],"iat":1741510800,"exp":1741514400}`))
	assertUnauthorized(t, tk, parts[0]+"."+payload+"."+parts[2], now)
	assertUnauthorized(t, tk, parts[0]+"."+parts[1]+".", now)
	assertUnauthorized(t, tk, token+"=", now)
}

func TestVerifyRejectsForeignTokens(t *testing.T) {
	tk := mustTokens(t, testSecret, testIssuer, testAudience)
	now := issuedAt.Add(time.Minute)
	other := []byte("fedcba9876543210fedcba9876543210")
	t.Run("wrong secret", func(t *testing.T) {
		assertUnauthorized(t, tk, mustIssue(t, mustTokens(t, other, testIssuer, testAudience), testClaims()), now)
	})
	t.Run("wrong issuer", func(t *testing.T) {
		assertUnauthorized(t, tk, mustIssue(t, mustTokens(t, testSecret, "someone-else", testAudience), testClaims()), now)
	})
	t.Run("wrong audience", func(t *testing.T) {
		assertUnauthorized(t, tk, mustIssue(t, mustTokens(t, testSecret, testIssuer, "another-api"), testClaims()), now)
	})
	t.Run("HS512 with the right secret", func(t *testing.T) {
		assertUnauthorized(t, tk, mustSign(t, gojwt.SigningMethodHS512, testSecret, validMapClaims()), now)
	})
}

func TestVerifyRejectsOtherAlgorithms(t *testing.T) {
	tk := mustTokens(t, testSecret, testIssuer, testAudience)
	now := issuedAt.Add(time.Minute)
	t.Run("none", func(t *testing.T) {
		token := mustSign(t, gojwt.SigningMethodNone, gojwt.UnsafeAllowNoneSignatureType, validMapClaims())
		assertUnauthorized(t, tk, token, now)
	})
	t.Run("RS256", func(t *testing.T) {
		key, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			t.Fatal(err)
		}
		assertUnauthorized(t, tk, mustSign(t, gojwt.SigningMethodRS256, key, validMapClaims()), now)
	})
	t.Run("ES256", func(t *testing.T) {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		assertUnauthorized(t, tk, mustSign(t, gojwt.SigningMethodES256, key, validMapClaims()), now)
	})
}

func TestVerifyRejectsMissingClaims(t *testing.T) {
	tk := mustTokens(t, testSecret, testIssuer, testAudience)
	now := issuedAt.Add(time.Minute)
	for _, claim := range []string{"sub", "jti", "exp", "iat", "role", "iss", "aud"} {
		c := validMapClaims()
		delete(c, claim)
		assertUnauthorized(t, tk, mustSign(t, gojwt.SigningMethodHS256, testSecret, c), now)
	}
	c := validMapClaims()
	c["role"] = "superuser"
	assertUnauthorized(t, tk, mustSign(t, gojwt.SigningMethodHS256, testSecret, c), now)
	if _, err := tk.Verify(mustSign(t, gojwt.SigningMethodHS256, testSecret, validMapClaims()), now); err != nil {
		t.Fatalf("the complete claims were refused: %v", err)
	}
}

func TestVerifyRejectsGarbage(t *testing.T) {
	tk := mustTokens(t, testSecret, testIssuer, testAudience)
	now := issuedAt.Add(time.Minute)
	for _, s := range []string{"", ".", "..", "a.b.c", "Bearer x", "e30.e30.", "null", strings.Repeat("a", 10000),
		"eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln", "\x00\xff.\x01.\x02"} {
		assertUnauthorized(t, tk, s, now)
	}
}

func FuzzVerify(f *testing.F) {
	tk := mustTokens(f, testSecret, testIssuer, testAudience)
	issued := mustIssue(f, tk, testClaims())
	now := issuedAt.Add(time.Minute)
	f.Add(issued)
	f.Add(issued[:len(issued)-1])
	f.Add(mustSign(f, gojwt.SigningMethodNone, gojwt.UnsafeAllowNoneSignatureType, validMapClaims()))
	f.Add("a.b.c")
	f.Add("")
	f.Fuzz(func(t *testing.T, token string) {
		_, err := tk.Verify(token, now)
		if token == issued {
			if err != nil {
				t.Fatalf("the issued token was refused: %v", err)
			}
			return
		}
		if err == nil {
			t.Fatalf("Verify accepted a token that was never issued: %q", token)
		}
		if !domain.IsCode(err, domain.CodeUnauthorized) {
			t.Fatalf("Verify error = %v, want UNAUTHORIZED", err)
		}
	})
}
