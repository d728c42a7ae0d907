// Package jwt signs and verifies the API's access tokens: HS256 JSON Web
// Tokens made with golang-jwt.
package jwt

import (
	"errors"
	"fmt"
	"slices"
	"time"

	gojwt "github.com/golang-jwt/jwt/v5"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

var _ ports.AccessTokens = (*Tokens)(nil)

// MinSecretLength is the shortest HMAC secret New accepts: 256 bits, the
// size of the HS256 hash, below which the key is the weak point.
const MinSecretLength = 32

// leeway absorbs clock skew between the instance that issued a token and the
// one that verifies it; it is kept to seconds so an expired token stays dead.
const leeway = 5 * time.Second

// maxTokenLength bounds the work a hostile Authorization header can cause;
// real tokens are a few hundred bytes.
const maxTokenLength = 4096

// Tokens issues and verifies access tokens with one shared secret. It is safe
// for concurrent use.
type Tokens struct {
	secret   []byte
	issuer   string
	audience string
}

// claims is the token's JSON payload: the registered claims plus the role and
// the session (refresh family) the token belongs to.
type claims struct {
	Role      string `json:"role"`
	SessionID string `json:"sid,omitempty"`
	gojwt.RegisteredClaims
}

// New returns Tokens that sign with secret and stamp issuer and audience. It
// refuses secrets shorter than MinSecretLength bytes.
func New(secret []byte, issuer, audience string) (*Tokens, error) {
	if len(secret) < MinSecretLength {
		return nil, fmt.Errorf("jwt: secret must be at least %d bytes, got %d", MinSecretLength, len(secret))
	}
	if issuer == "" || audience == "" {
		return nil, errors.New("jwt: issuer and audience are required")
	}
	return &Tokens{secret: slices.Clone(secret), issuer: issuer, audience: audience}, nil
}

// Issue signs the claims. It refuses claims without a subject, token id, role,
// or a validity window, since Verify would reject such a token anyway.
func (t *Tokens) Issue(c ports.AccessClaims) (string, error) {
	if c.UserID == "" || c.TokenID == "" {
		return "", errors.New("jwt: user id and token id are required")
	}
	if _, err := user.ParseRole(string(c.Role)); err != nil {
		return "", fmt.Errorf("jwt: role %q: %w", c.Role, err)
	}
	if c.IssuedAt.IsZero() || !c.ExpiresAt.After(c.IssuedAt) {
		return "", errors.New("jwt: expiry must come after the issue time")
	}
	cl := claims{
		Role:      string(c.Role),
		SessionID: c.SessionID,
		RegisteredClaims: gojwt.RegisteredClaims{
			Issuer:    t.issuer,
			Subject:   c.UserID,
			Audience:  gojwt.ClaimStrings{t.audience},
			ExpiresAt: gojwt.NewNumericDate(c.ExpiresAt),
			IssuedAt:  gojwt.NewNumericDate(c.IssuedAt),
			ID:        c.TokenID,
		},
	}
	signed, err := gojwt.NewWithClaims(gojwt.SigningMethodHS256, cl).SignedString(t.secret)
	if err != nil {
		return "", fmt.Errorf("jwt: sign: %w", err)
	}
	return signed, nil
}

// Verify checks the token's algorithm, signature, issuer, audience, issue and
// expiry times at now, and its claims. UNAUTHORIZED, with one message, for
// every failure: a client learns nothing about why.
func (t *Tokens) Verify(token string, now time.Time) (ports.AccessClaims, error) {
	if token == "" || len(token) > maxTokenLength {
		return ports.AccessClaims{}, invalidToken()
	}
	parser := gojwt.NewParser(
		// Pinning HS256 shuts out "none" and the RS/ES confusion attacks.
		gojwt.WithValidMethods([]string{gojwt.SigningMethodHS256.Alg()}),
		gojwt.WithIssuer(t.issuer),
		gojwt.WithAudience(t.audience),
		gojwt.WithExpirationRequired(),
		gojwt.WithIssuedAt(),
		gojwt.WithLeeway(leeway),
		gojwt.WithTimeFunc(func() time.Time { return now }),
		// Strict base64 gives each signature a single encoding.
		gojwt.WithStrictDecoding(),
	)
	var cl claims
	parsed, err := parser.ParseWithClaims(token, &cl, t.key)
	if err != nil || !parsed.Valid {
		return ports.AccessClaims{}, invalidToken()
	}
	return cl.toPort()
}

// key hands the secret to the parser only for HMAC tokens, a second lock
// behind WithValidMethods.
func (t *Tokens) key(token *gojwt.Token) (any, error) {
	if _, ok := token.Method.(*gojwt.SigningMethodHMAC); !ok {
		return nil, errors.New("unexpected signing method")
	}
	return t.secret, nil
}

// toPort checks the claims the parser does not know about and converts them.
func (c *claims) toPort() (ports.AccessClaims, error) {
	role, err := user.ParseRole(c.Role)
	if err != nil || string(role) != c.Role || c.Subject == "" || c.ID == "" || c.IssuedAt == nil {
		return ports.AccessClaims{}, invalidToken()
	}
	return ports.AccessClaims{
		UserID:    c.Subject,
		Role:      role,
		TokenID:   c.ID,
		SessionID: c.SessionID,
		IssuedAt:  c.IssuedAt.UTC(),
		ExpiresAt: c.ExpiresAt.UTC(),
	}, nil
}

// invalidToken is the one error of Verify; a fresh value each time so no
// caller can alter a shared one.
func invalidToken() error {
	return &domain.Error{Code: domain.CodeUnauthorized, Message: "invalid or expired token"}
}
