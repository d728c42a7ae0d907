package app

import (
	"context"
	"log/slog"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/domain/session"
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

// AccountsDeps are the ports the account use cases need.
type AccountsDeps struct {
	Users       ports.UserRepository
	Sessions    ports.SessionRepository
	Resets      ports.PasswordResetRepository
	Activities  ports.ActivityRepository
	Favorites   ports.FavoriteRepository
	Ratings     ports.RatingRepository
	Plans       ports.PlanRepository
	Lists       ports.ShoppingListRepository
	Hasher      ports.PasswordHasher
	Tokens      ports.AccessTokens
	Revocations ports.RevocationList
	Mailer      ports.Mailer
	Clock       ports.Clock
	IDs         ports.IDGenerator
	Logger      *slog.Logger
}

// AccountsConfig holds what the account use cases need to know about the deployment.
type AccountsConfig struct {
	// ResetURL is the frontend page that takes ?token= to reset a password.
	ResetURL string
	// AppURL is the frontend's address, used in emails.
	AppURL string
}

// Accounts implements registration, sign-in, sessions, profiles and erasure.
type Accounts struct {
	AccountsDeps
	cfg   AccountsConfig
	tasks *tasks
	// dummyHash is compared against when an email is unknown, so that a
	// login takes as long whether or not the account exists.
	dummyHash string
}

// NewAccounts builds the account use cases.
func NewAccounts(deps AccountsDeps, cfg AccountsConfig) (*Accounts, error) {
	if deps.Logger == nil {
		deps.Logger = slog.Default()
	}
	dummy, err := deps.Hasher.Hash("Unused-Dummy-Password-1!")
	if err != nil {
		return nil, err
	}
	return &Accounts{AccountsDeps: deps, cfg: cfg, tasks: newTasks(deps.Logger), dummyHash: dummy}, nil
}

// Drain waits for background side effects (emails) to finish, for shutdown.
func (a *Accounts) Drain(ctx context.Context) error { return a.tasks.Wait(ctx) }

// Credentials is what a successful sign-in or refresh hands back.
type Credentials struct {
	User         *user.User // nil after a refresh
	AccessToken  string
	RefreshToken string
	ExpiresAt    time.Time
}

// startSession opens a refresh-token family for the user, evicting the least
// recently used ones beyond the cap, and issues the first token pair.
func (a *Accounts) startSession(ctx context.Context, u *user.User, rememberMe bool) (Credentials, error) {
	now := a.Clock.Now()
	active, err := a.Sessions.ListActive(ctx, u.ID, now)
	if err != nil {
		return Credentials{}, err
	}
	for _, family := range session.FamiliesToEvict(active) {
		if err := a.revokeFamily(ctx, family, now); err != nil {
			return Credentials{}, err
		}
	}
	secret := a.IDs.NewSecret()
	s := session.Start(a.IDs.NewID(), u.ID, session.HashToken(secret), rememberMe, now)
	if err := a.Sessions.Create(ctx, s); err != nil {
		return Credentials{}, err
	}
	return a.issue(u, s, secret)
}

func (a *Accounts) issue(u *user.User, s session.Session, refreshSecret string) (Credentials, error) {
	now := a.Clock.Now().UTC()
	claims := ports.AccessClaims{UserID: u.ID, Role: u.Role, TokenID: a.IDs.NewID(), SessionID: s.FamilyID,
		IssuedAt: now, ExpiresAt: now.Add(session.AccessTokenTTL)}
	token, err := a.Tokens.Issue(claims)
	if err != nil {
		return Credentials{}, err
	}
	return Credentials{User: u, AccessToken: token, RefreshToken: refreshSecret, ExpiresAt: claims.ExpiresAt}, nil
}

// revokeFamily ends a sign-in: its refresh tokens in the store and, through
// the revocation list, every access token issued for it.
func (a *Accounts) revokeFamily(ctx context.Context, family string, now time.Time) error {
	if _, err := a.Sessions.RevokeFamily(ctx, family, now); err != nil && !domain.IsCode(err, domain.CodeNotFound) {
		return err
	}
	return a.Revocations.Revoke(ctx, now.Add(session.AccessTokenTTL), sessionKey(family))
}

// revokeUser ends every sign-in of the user except keepFamily ("" for all).
func (a *Accounts) revokeUser(ctx context.Context, userID, keepFamily string) error {
	now := a.Clock.Now()
	families, err := a.Sessions.RevokeUser(ctx, userID, keepFamily, now)
	if err != nil {
		return err
	}
	if len(families) == 0 {
		return nil
	}
	keys := make([]string, len(families))
	for i, f := range families {
		keys[i] = sessionKey(f)
	}
	return a.Revocations.Revoke(ctx, now.Add(session.AccessTokenTTL), keys...)
}

func sessionKey(family string) string { return "sid:" + family }
func tokenKey(jti string) string      { return "jti:" + jti }

// record appends to the user's activity log. The log is informational, so a
// failure is logged rather than failing the use case that caused it.
func (a *Accounts) record(ctx context.Context, userID string, action activity.Action, details string) {
	act, err := activity.New(a.IDs.NewID(), userID, action, details, "", nil, a.Clock.Now())
	if err == nil {
		err = a.Activities.Add(ctx, act)
	}
	if err != nil {
		a.Logger.Warn("recording activity failed", "user_id", userID, "action", action, "err", err)
	}
}
