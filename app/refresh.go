package app

import (
	"context"
	"errors"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/session"
)

// errTokenReused carries the stolen token's family out of the rotation closure.
type errTokenReused struct{ family string }

func (e errTokenReused) Error() string { return "refresh token reused" }

// Refresh exchanges a refresh token for a new token pair. The presented token
// is retired; presenting it again revokes its whole family, since one of the
// two presenters must have stolen it.
func (a *Accounts) Refresh(ctx context.Context, refreshToken string) (Credentials, error) {
	if refreshToken == "" {
		return Credentials{}, errInvalidToken
	}
	now := a.Clock.Now()
	secret := a.IDs.NewSecret()
	var next session.Session
	err := a.Sessions.Rotate(ctx, session.HashToken(refreshToken), func(cur *session.Session) (*session.Session, error) {
		switch cur.Check(now) {
		case session.Reused:
			return nil, errTokenReused{family: cur.FamilyID}
		case session.Invalid:
			return nil, errInvalidToken
		}
		next = cur.Successor(a.IDs.NewID(), session.HashToken(secret), now)
		return &next, nil
	})
	var reused errTokenReused
	switch {
	case errors.As(err, &reused):
		a.Logger.Warn("refresh token reuse detected, revoking its sign-in", "session_id", reused.family)
		if rerr := a.revokeFamily(ctx, reused.family, now); rerr != nil {
			return Credentials{}, rerr
		}
		return Credentials{}, errInvalidToken
	case domain.IsCode(err, domain.CodeNotFound):
		return Credentials{}, errInvalidToken
	case err != nil:
		return Credentials{}, err
	}
	u, err := a.Users.Get(ctx, next.UserID)
	if domain.IsCode(err, domain.CodeNotFound) {
		return Credentials{}, errInvalidToken
	}
	if err != nil {
		return Credentials{}, err
	}
	creds, err := a.issue(u, next, secret)
	creds.User = nil
	return creds, err
}

// SignOut ends the caller's sign-in: the refresh family and, everywhere, the
// access token used for the call. A refresh token given in the body ends its
// own family too (a client may hold one from another sign-in).
func (a *Accounts) SignOut(ctx context.Context, p Principal, refreshToken string) error {
	now := a.Clock.Now()
	if err := a.Revocations.Revoke(ctx, p.ExpiresAt, tokenKey(p.TokenID)); err != nil {
		return err
	}
	if err := a.revokeFamily(ctx, p.SessionID, now); err != nil {
		return err
	}
	if refreshToken == "" {
		return nil
	}
	err := a.Sessions.Rotate(ctx, session.HashToken(refreshToken), func(cur *session.Session) (*session.Session, error) {
		if cur.UserID == p.UserID {
			cur.Revoke(now)
		}
		return nil, nil
	})
	if domain.IsCode(err, domain.CodeNotFound) {
		return nil // logging out twice, or with a stale token, is not an error
	}
	return err
}

// Authenticate turns an access token into the caller it names. Tokens that
// are malformed, expired, wrongly signed or revoked are refused alike.
func (a *Accounts) Authenticate(ctx context.Context, token string) (Principal, error) {
	claims, err := a.Tokens.Verify(token, a.Clock.Now())
	if err != nil {
		return Principal{}, errInvalidToken
	}
	revoked, err := a.Revocations.AnyRevoked(ctx, tokenKey(claims.TokenID), sessionKey(claims.SessionID))
	if err != nil {
		return Principal{}, err
	}
	if revoked {
		return Principal{}, errInvalidToken
	}
	return Principal{UserID: claims.UserID, Role: claims.Role, TokenID: claims.TokenID,
		SessionID: claims.SessionID, ExpiresAt: claims.ExpiresAt}, nil
}
