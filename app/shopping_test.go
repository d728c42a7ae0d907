package app_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/mealplanner/backend/adapters/memory"
	"github.com/mealplanner/backend/adapters/system"
	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/shopping"
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

// shop is the shopping use cases on an in-memory store, with the parts a test drives.
type shop struct {
	*app.Shopping
	store *memory.Store
	clock *memory.Clock
}

func newShop(t *testing.T, wrap ...func(ports.ShoppingListRepository) ports.ShoppingListRepository) *shop {
	t.Helper()
	store := memory.NewStore()
	clock := memory.NewClock(time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC))
	var lists ports.ShoppingListRepository = store.ShoppingLists()
	for _, w := range wrap {
		lists = w(lists)
	}
	s, err := app.NewShopping(app.ShoppingDeps{Lists: lists, Plans: store.Plans(), Recipes: store.Recipes(),
		Users: store.Users(), Activities: store.Activities(), Clock: clock, IDs: system.IDs{},
		PublicURL: "https://api.example.com/", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return &shop{Shopping: s, store: store, clock: clock}
}

// mustUser stores a user who reads quantities in system ("metric" or "us").
func (s *shop) mustUser(t *testing.T, id, system string) app.Principal {
	t.Helper()
	u, err := user.New(id, id+"@example.com", "Cook", "hash", s.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	u.Preferences.UnitSystem = system
	if err := s.store.Users().Create(t.Context(), u); err != nil {
		t.Fatal(err)
	}
	return app.Principal{UserID: id, Role: user.RoleUser}
}

func (s *shop) mustRecipe(t *testing.T, id int64, name string, servings int, lines ...recipe.Ingredient) {
	t.Helper()
	r := &recipe.Recipe{ID: id, Name: name, Category: "Beef", Servings: servings, Ingredients: lines,
		Instructions: []string{"Cook."}, CreatedAt: s.clock.Now(), UpdatedAt: s.clock.Now()}
	if err := s.store.Recipes().Create(t.Context(), r); err != nil {
		t.Fatal(err)
	}
}

// slot places a recipe on a date ("2026-11-23") and meal for servings people.
type slot struct {
	date     string
	meal     planning.MealType
	recipe   int64
	servings int
}

func (s *shop) mustPlan(t *testing.T, userID, id, week string, slots ...slot) *planning.Plan {
	t.Helper()
	p := planning.NewPlan(id, userID, mustDate(t, week), s.clock.Now())
	for _, sl := range slots {
		sv, err := planning.NewSlot(sl.recipe, "planned", "", "Beef", sl.servings, "", s.clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Set(mustDate(t, sl.date), sl.meal, sv, s.clock.Now()); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.store.Plans().Save(t.Context(), p); err != nil {
		t.Fatal(err)
	}
	return p
}

func mustDate(t *testing.T, s string) planning.Date {
	t.Helper()
	d, err := planning.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// activities waits for the background records and returns the user's, newest first.
func (s *shop) activities(t *testing.T, userID string) []activity.Activity {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	if err := s.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	acts, err := s.store.Activities().List(t.Context(), userID, 100)
	if err != nil {
		t.Fatal(err)
	}
	return acts
}

func countActions(acts []activity.Activity, a activity.Action) int {
	n := 0
	for _, act := range acts {
		if act.Action == a {
			n++
		}
	}
	return n
}

func item(t *testing.T, l *shopping.List, name string) shopping.Item {
	t.Helper()
	for _, it := range l.Items {
		if it.Name == name {
			return it
		}
	}
	t.Fatalf("no item %q in %+v", name, l.Items)
	return shopping.Item{}
}

func wantErr(t *testing.T, err error, code domain.Code, message string) {
	t.Helper()
	var de *domain.Error
	if !errors.As(err, &de) || de.Code != code || (message != "" && de.Message != message) {
		t.Fatalf("error %v, want %s %q", err, code, message)
	}
}

func ing(name, measure string) recipe.Ingredient {
	return recipe.Ingredient{Name: name, Measure: measure}
}
