package porttest

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/session"
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

// Stores are the repositories of ONE backing store (one database, one
// memory.Store), so that the suites can check that erasing a user reaches
// every repository, that favourites and ratings reach the recipes and that
// deleting a plan reaches its shopping lists.
type Stores struct {
	Users      ports.UserRepository
	Sessions   ports.SessionRepository
	Resets     ports.PasswordResetRepository
	Activities ports.ActivityRepository
	Recipes    ports.RecipeRepository
	Favorites  ports.FavoriteRepository
	Ratings    ports.RatingRepository
	Plans      ports.PlanRepository
	Lists      ports.ShoppingListRepository
}

// The suites call newStores once per subtest. A backend may hand back the
// same database every time: every subtest makes its own ids and e-mail
// addresses and looks only at its own rows. The suites therefore run their
// subtests one after another and never in parallel.
//
// The catalogue suites (recipes, favourites, ratings) are the exception:
// search, categories and cuisines see every recipe of the store, and recipe
// ids are chosen by the caller, so their newStores must hand each subtest an
// empty store of its own (a new memory.Store, a new database).

// storeEpoch has nanoseconds so that the suites can check that stores keep
// microseconds and drop the rest, the same way on every backend.
var storeEpoch = time.Date(2025, 3, 1, 12, 0, 0, 123_456_789, time.UTC)

var errStoreClosure = errors.New("porttest: closure refused")

func storeID() string { return uuid.NewString() }

// storeTag is a short token unique to one subtest, put into e-mail addresses
// and names so that searches find only that subtest's users.
func storeTag() string { return strings.ReplaceAll(uuid.NewString(), "-", "")[:12] }

func storeEmail(tag, local string) string { return local + "." + tag + "@example.com" }

// mustCreateUser registers a user with default preferences.
func mustCreateUser(t *testing.T, s Stores, email string) *user.User {
	t.Helper()
	u, err := user.New(storeID(), email, "Test User", "$2a$10$hash", storeEpoch)
	if err != nil {
		t.Fatalf("user.New(%q): %v", email, err)
	}
	if err := s.Users.Create(t.Context(), u); err != nil {
		t.Fatalf("Create(%s): %v", email, err)
	}
	return u
}

// fullUser sets every field, optional ones included, to a non-default value.
func fullUser(id, email string) *user.User {
	prep := 45
	login := storeEpoch.Add(-time.Hour)
	return &user.User{
		ID: id, Email: email, Name: "Ada Lovelace", Role: user.RoleAdmin, PasswordHash: "$2a$10$abcdefghijklmnop",
		HasCompletedOnboarding: true,
		Preferences: user.Preferences{
			Theme: "dark", Notifications: false, Dietary: []string{"Vegan", "Gluten-Free"},
			Allergies: []string{"Peanuts", "kiwi"}, DislikedIngredients: []string{"olives", "blue cheese"},
			FavoriteCuisines: []string{"Italian", "Thai"}, HouseholdSize: 4, SkillLevel: "advanced",
			MaxPrepTime: &prep, UnitSystem: "us", Timezone: "Europe/London",
			NutritionTargets: &user.NutritionTargets{Calories: 2200, Protein: 120.5, Carbohydrate: 250,
				Fat: 70.25, Fiber: 30, Sodium: 2300},
			Email: user.EmailPreferences{WeeklyReminder: false, WeeklySummary: true, ShoppingList: false},
		},
		Lockout: user.Lockout{FailedAttempts: 2, LastFailureAt: storeEpoch.Add(-time.Minute),
			LockedUntil: storeEpoch.Add(4 * time.Minute)},
		CreatedAt: storeEpoch.Add(-48 * time.Hour), UpdatedAt: storeEpoch, LastLoginAt: &login,
	}
}

// storedTime is what a store keeps of t: UTC, to the microsecond.
func storedTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return time.UnixMicro(t.UnixMicro()).UTC()
}

// sameInstant rebuilds t so that equal instants compare equal with
// reflect.DeepEqual, whatever their internal representation.
func sameInstant(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return time.Unix(0, t.UnixNano()).UTC()
}

func mapTimes(u user.User, f func(time.Time) time.Time) user.User {
	u.Lockout.LastFailureAt = f(u.Lockout.LastFailureAt)
	u.Lockout.LockedUntil = f(u.Lockout.LockedUntil)
	u.CreatedAt, u.UpdatedAt = f(u.CreatedAt), f(u.UpdatedAt)
	for _, p := range []**time.Time{&u.LastLoginAt, &u.DeletedAt} {
		if *p != nil {
			v := f(**p)
			*p = &v
		}
	}
	return u
}

// assertUser checks that got is want as a store keeps it, times in UTC.
func assertUser(t *testing.T, got, want *user.User) {
	t.Helper()
	if got == nil {
		t.Fatalf("got no user, want %+v", want)
	}
	for name, tm := range map[string]time.Time{"CreatedAt": got.CreatedAt, "UpdatedAt": got.UpdatedAt,
		"LockedUntil": got.Lockout.LockedUntil} {
		if !tm.IsZero() && tm.Location() != time.UTC {
			t.Errorf("%s is in %v, want UTC", name, tm.Location())
		}
	}
	g, w := mapTimes(*got, sameInstant), mapTimes(*want, storedTime)
	if !reflect.DeepEqual(g, w) {
		t.Errorf("user differs\n got: %+v\nwant: %+v", g, w)
	}
}

// assertCode checks that err carries the domain code of sentinel.
func assertCode(t *testing.T, err error, sentinel *domain.Error, what string) {
	t.Helper()
	if !errors.Is(err, sentinel) {
		t.Fatalf("%s: got error %v, want %s", what, err, sentinel.Code)
	}
}

// mustCreateUsers registers users created a minute apart, oldest first.
func mustCreateUsers(t *testing.T, s Stores, tag string, roles ...user.Role) []*user.User {
	t.Helper()
	out := make([]*user.User, len(roles))
	for i, role := range roles {
		u := fullUser(storeID(), storeEmail(tag, fmt.Sprintf("user%d", i)))
		u.Name, u.Role = fmt.Sprintf("Member %d of %s", i, tag), role
		u.CreatedAt = storeEpoch.Add(time.Duration(i) * time.Minute)
		if err := s.Users.Create(t.Context(), u); err != nil {
			t.Fatalf("Create: %v", err)
		}
		out[i] = u
	}
	return out
}

// personalRows are one row of each kind that erasure must remove.
type personalRows struct {
	sessionHash, resetHash string
}

func mustPersonalRows(t *testing.T, s Stores, userID string) personalRows {
	t.Helper()
	sess := mustStartSession(t, s, userID, storeEpoch)
	reset := user.NewPasswordReset(storeID(), userID, storeEpoch)
	if err := s.Resets.Create(t.Context(), reset); err != nil {
		t.Fatalf("Resets.Create: %v", err)
	}
	mustAddActivity(t, s, userID, storeEpoch, nil)
	return personalRows{sessionHash: sess.TokenHash, resetHash: reset.TokenHash}
}

// assertPersonalRows checks that the rows are all there (present) or all gone.
func assertPersonalRows(t *testing.T, s Stores, userID string, rows personalRows, present bool) {
	t.Helper()
	now := storeEpoch.Add(time.Minute)
	active, err := s.Sessions.ListActive(t.Context(), userID, now)
	if err != nil || (len(active) == 1) != present {
		t.Errorf("ListActive = %d sessions, %v; want present=%v", len(active), err, present)
	}
	_, peekErr := peekSession(t, s, rows.sessionHash)
	if (peekErr == nil) != present {
		t.Errorf("session lookup: %v; want present=%v", peekErr, present)
	}
	acts, err := s.Activities.All(t.Context(), userID)
	if err != nil || (len(acts) == 1) != present {
		t.Errorf("Activities.All = %d, %v; want present=%v", len(acts), err, present)
	}
	// consuming is the only way to look a reset up, so it comes last
	if _, err := s.Resets.Consume(t.Context(), rows.resetHash, now); (err == nil) != present {
		t.Errorf("Consume: %v; want present=%v", err, present)
	}
}

// mustStartSession opens a family for the user at now.
func mustStartSession(t *testing.T, s Stores, userID string, now time.Time) session.Session {
	t.Helper()
	sess := session.Start(storeID(), userID, session.HashToken(storeID()), false, now)
	if err := s.Sessions.Create(t.Context(), sess); err != nil {
		t.Fatalf("Sessions.Create: %v", err)
	}
	return sess
}

var errSessionPeek = errors.New("porttest: peek only")

// peekSession reads a stored token through Rotate, changing nothing.
func peekSession(t *testing.T, s Stores, hash string) (session.Session, error) {
	t.Helper()
	var seen session.Session
	err := s.Sessions.Rotate(t.Context(), hash, func(cur *session.Session) (*session.Session, error) {
		seen = *cur
		return nil, errSessionPeek
	})
	if err == errSessionPeek {
		return seen, nil
	}
	return session.Session{}, err
}

// assertSession checks that got is want as a store keeps it.
func assertSession(t *testing.T, got, want session.Session) {
	t.Helper()
	norm := func(s session.Session, f func(time.Time) time.Time) session.Session {
		s.CreatedAt, s.ExpiresAt = f(s.CreatedAt), f(s.ExpiresAt)
		for _, p := range []**time.Time{&s.RotatedAt, &s.RevokedAt} {
			if *p != nil {
				v := f(**p)
				*p = &v
			}
		}
		return s
	}
	if got.CreatedAt.Location() != time.UTC {
		t.Errorf("CreatedAt is in %v, want UTC", got.CreatedAt.Location())
	}
	if g, w := norm(got, sameInstant), norm(want, storedTime); !reflect.DeepEqual(g, w) {
		t.Errorf("session differs\n got: %+v\nwant: %+v", g, w)
	}
}
