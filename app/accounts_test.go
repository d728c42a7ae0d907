package app_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/adapters/jwt"
	"github.com/mealplanner/backend/adapters/memory"
	"github.com/mealplanner/backend/adapters/password"
	"github.com/mealplanner/backend/adapters/system"
	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
)

type fixture struct {
	acc    *app.Accounts
	store  *memory.Store
	mailer *memory.Mailer
	clock  *memory.Clock
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	store, mailer := memory.NewStore(), memory.NewMailer()
	clock := memory.NewClock(time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC))
	hasher, err := password.New(4)
	if err != nil {
		t.Fatal(err)
	}
	tokens, err := jwt.New([]byte("app-test-secret-app-test-secret-0123"), "iss", "aud")
	if err != nil {
		t.Fatal(err)
	}
	acc, err := app.NewAccounts(app.AccountsDeps{
		Users: store.Users(), Sessions: store.Sessions(), Resets: store.Resets(), Activities: store.Activities(),
		Favorites: store.Favorites(), Ratings: store.Ratings(),
		Hasher: hasher, Tokens: tokens, Revocations: memory.NewRevocationList(clock.Now), Mailer: mailer,
		Clock: clock, IDs: system.IDs{}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}, app.AccountsConfig{AppURL: "http://app", ResetURL: "http://app/reset-password"})
	if err != nil {
		t.Fatal(err)
	}
	return fixture{acc: acc, store: store, mailer: mailer, clock: clock}
}

const pw = "Str0ng!pass"

func TestConcurrentRefreshOfOneTokenRotatesOnce(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	creds, err := f.acc.Register(ctx, app.Registration{Email: "race@example.com", Password: pw})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	results := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := f.acc.Refresh(ctx, creds.RefreshToken)
			results <- err
		}()
	}
	wg.Wait()
	close(results)
	ok := 0
	for err := range results {
		switch {
		case err == nil:
			ok++
		case !domain.IsCode(err, domain.CodeUnauthorized):
			t.Errorf("unexpected error %v", err)
		}
	}
	if ok != 1 {
		t.Errorf("%d refreshes succeeded, want exactly 1", ok)
	}
	// The losers presented a retired token: the family is revoked, the
	// original access token included.
	if _, err := f.acc.Authenticate(ctx, creds.AccessToken); !domain.IsCode(err, domain.CodeUnauthorized) {
		t.Errorf("access token of a revoked family still works: %v", err)
	}
}

func TestConcurrentWrongPasswordsAllCount(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.acc.Register(ctx, app.Registration{Email: "brute@example.com", Password: pw}); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = f.acc.SignIn(ctx, app.Login{Email: "brute@example.com", Password: "Wr0ng!pass"})
		}()
	}
	wg.Wait()
	_, err := f.acc.SignIn(ctx, app.Login{Email: "brute@example.com", Password: pw})
	if domain.ErrorCode(err) != domain.CodeAccountLocked {
		t.Errorf("after 10 concurrent failures, the right password gives %v, want ACCOUNT_LOCKED", err)
	}
}

func TestRegistrationSurvivesAFailingMailer(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.mailer.FailNext(errors.New("provider down"))
	creds, err := f.acc.Register(context.Background(), app.Registration{Email: "nomail@example.com", Password: pw})
	if err != nil || creds.AccessToken == "" {
		t.Fatalf("Register with a failing mailer: %v", err)
	}
	if err := f.acc.Drain(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := len(f.mailer.Sent()); n != 0 {
		t.Errorf("%d emails recorded, want the failed one dropped", n)
	}
}

func TestOtherUsersDataIsNotFound(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	a, _ := f.acc.Register(ctx, app.Registration{Email: "a@example.com", Password: pw})
	b, _ := f.acc.Register(ctx, app.Registration{Email: "b@example.com", Password: pw})
	pa, err := f.acc.Authenticate(ctx, a.AccessToken)
	if err != nil {
		t.Fatal(err)
	}
	calls := map[string]error{}
	_, calls["GetUser"] = f.acc.GetUser(ctx, pa, b.User.ID)
	_, calls["ExportData"] = f.acc.ExportData(ctx, pa, b.User.ID)
	_, calls["ListActivities"] = f.acc.ListActivities(ctx, pa, b.User.ID, 10)
	calls["Erase"] = f.acc.Erase(ctx, pa, b.User.ID, pw)
	for name, err := range calls {
		if !domain.IsCode(err, domain.CodeNotFound) {
			t.Errorf("%s on another user: %v, want NOT_FOUND", name, err)
		}
	}
	if _, err := f.acc.GetUser(ctx, pa, "no-such-id"); !domain.IsCode(err, domain.CodeNotFound) {
		t.Errorf("unknown id: %v", err)
	}
}
