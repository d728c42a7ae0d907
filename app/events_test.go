package app_test

import (
	"bytes"
	"context"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/mealplanner/backend/adapters/memory"
	"github.com/mealplanner/backend/adapters/system"
	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

// The recipes of the event tests; the plan week starts on planStart.
const (
	soup = 201
	pie  = 202
)

// eventRig runs the catalogue, planner and shopping use cases on one memory
// store and sends their recommender events to one tracker.
type eventRig struct {
	cat     *app.Catalogue
	planner *app.Planner
	shop    *app.Shopping
	store   *memory.Store
}

// cook is the signed-in caller of the event tests.
var cook = app.Principal{UserID: "cook", Role: user.RoleUser, TokenID: "jti-1", SessionID: "family-1"}

func newEventRig(t *testing.T, tracker ports.EventTracker, logger *slog.Logger) eventRig {
	t.Helper()
	store, clock := memory.NewStore(), memory.NewClock(planStart)
	r := eventRig{store: store}
	var err error
	r.cat, err = app.NewCatalogue(app.CatalogueDeps{Recipes: store.Recipes(), Favorites: store.Favorites(),
		Ratings: store.Ratings(), Users: store.Users(), Activities: store.Activities(),
		Cache: memory.NewCache(100, clock.Now), Events: tracker, Clock: clock, IDs: system.IDs{}, Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	r.planner = app.NewPlanner(app.PlannerDeps{Plans: store.Plans(), Recipes: store.Recipes(), Users: store.Users(),
		Activities: store.Activities(), Events: tracker, Clock: clock, IDs: system.IDs{}, Logger: logger})
	r.shop, err = app.NewShopping(app.ShoppingDeps{Lists: store.ShoppingLists(), Plans: store.Plans(),
		Recipes: store.Recipes(), Users: store.Users(), Activities: store.Activities(), Events: tracker,
		Clock: clock, IDs: system.IDs{}, PublicURL: "https://api.example.com/", Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	mustUser(t, store, cook.UserID, 2)
	for _, rec := range []*recipe.Recipe{
		{ID: soup, Name: "Onion Soup", Category: "Starter", Servings: 2},
		{ID: pie, Name: "Apple Pie", Category: "Dessert", Servings: 8},
	} {
		rec.Ingredients = []recipe.Ingredient{{Name: "onion", Measure: "2"}}
		rec.Instructions = []string{"Cook."}
		if err := store.Recipes().Create(t.Context(), rec); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(r.drain)
	return r
}

// drain waits for the activity records the actions left in the background.
func (r eventRig) drain() {
	ctx := context.Background()
	_ = r.cat.Drain(ctx)
	_ = r.planner.Drain(ctx)
	_ = r.shop.Drain(ctx)
}

// mustPlan creates the cook's plan for the fixture week with the given slots.
func (r eventRig) mustPlan(t *testing.T, days app.DaysInput) string {
	t.Helper()
	plan, err := r.planner.CreatePlan(t.Context(), cook, app.CreatePlanInput{WeekStart: "2026-11-22", Days: days})
	if err != nil {
		t.Fatal(err)
	}
	return plan.ID
}

// planned is the meal_planned event of the cook for recipe at date and meal.
func planned(recipeID int64, date, meal string) ports.Event {
	return ports.Event{UserID: cook.UserID, SessionID: cook.SessionID, Type: ports.EventMealPlanned,
		RecipeID: recipeID, Properties: map[string]string{"date": date, "mealType": meal}}
}

// cookEvent is an event of the cook without properties.
func cookEvent(t ports.EventType, recipeID int64) ports.Event {
	return ports.Event{UserID: cook.UserID, SessionID: cook.SessionID, Type: t, RecipeID: recipeID}
}

// wantEvents compares got with want in order; every event must carry the
// fixture clock's time.
func wantEvents(t *testing.T, got []ports.Event, want ...ports.Event) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("tracked %d events, want %d: %+v", len(got), len(want), got)
	}
	for i, g := range got {
		w := want[i]
		if g.Type != w.Type || g.UserID != w.UserID || g.SessionID != w.SessionID || g.RecipeID != w.RecipeID ||
			!maps.Equal(g.Properties, w.Properties) || !g.At.Equal(planStart) {
			t.Errorf("event %d = %+v, want %+v at %v", i, g, w, planStart)
		}
	}
}

func TestUseCasesTrackRecommenderEvents(t *testing.T) {
	t.Parallel()
	oneDinner := app.DaysInput{"2026-11-23": {"dinner": {RecipeID: soup}}}
	cases := []struct {
		name  string
		setup func(t *testing.T, r eventRig) // its events are not counted
		act   func(t *testing.T, r eventRig) error
		want  []ports.Event
	}{
		{name: "view", act: func(t *testing.T, r eventRig) error {
			_, err := r.cat.Recipe(t.Context(), cook, soup)
			return err
		}, want: []ports.Event{cookEvent(ports.EventRecipeViewed, soup)}},
		{name: "favourite", act: func(t *testing.T, r eventRig) error {
			return r.cat.AddFavorite(t.Context(), cook, pie)
		}, want: []ports.Event{cookEvent(ports.EventRecipeFavorited, pie)}},
		{name: "rate", act: func(t *testing.T, r eventRig) error {
			_, err := r.cat.Rate(t.Context(), cook, soup, 4)
			return err
		}, want: []ports.Event{{UserID: cook.UserID, SessionID: cook.SessionID, Type: ports.EventRecipeRated,
			RecipeID: soup, Properties: map[string]string{"rating": "4"}}}},
		{name: "add meal", act: func(t *testing.T, r eventRig) error {
			_, err := r.planner.AddMeal(t.Context(), cook, app.AddMealInput{Date: "2026-11-25", MealType: "lunch", RecipeID: pie})
			return err
		}, want: []ports.Event{planned(pie, "2026-11-25", "lunch")}},
		{name: "create plan", act: func(t *testing.T, r eventRig) error {
			_, err := r.planner.CreatePlan(t.Context(), cook, app.CreatePlanInput{WeekStart: "2026-11-24", Days: app.DaysInput{
				"2026-11-28": {"breakfast": {RecipeID: pie}},
				"2026-11-23": {"dinner": {RecipeID: soup}, "breakfast": {RecipeID: pie}},
			}})
			return err
		}, want: []ports.Event{planned(pie, "2026-11-23", "breakfast"), planned(soup, "2026-11-23", "dinner"),
			planned(pie, "2026-11-28", "breakfast")}},
		{name: "generate list", setup: func(t *testing.T, r eventRig) { r.mustPlan(t, oneDinner) },
			act: func(t *testing.T, r eventRig) error {
				_, err := r.shop.GenerateList(t.Context(), cook, app.GenerateListInput{WeekStart: "2026-11-22"})
				return err
			}, want: []ports.Event{{UserID: cook.UserID, SessionID: cook.SessionID, Type: ports.EventShoppingListGenerated,
				Properties: map[string]string{"mealPlanId": "<plan>"}}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			log := memory.NewEventLog(0)
			r := newEventRig(t, log, quietLogger())
			if tc.setup != nil {
				tc.setup(t, r)
			}
			before := len(log.Events())
			if err := tc.act(t, r); err != nil {
				t.Fatal(err)
			}
			got := log.Events()[before:]
			// The plan id is random: read it back from the stored plan.
			for _, w := range tc.want {
				if w.Properties["mealPlanId"] == "<plan>" {
					w.Properties["mealPlanId"] = mustWeekPlanID(t, r)
				}
			}
			wantEvents(t, got, tc.want...)
		})
	}
}

func mustWeekPlanID(t *testing.T, r eventRig) string {
	t.Helper()
	p, err := r.store.Plans().ForWeek(t.Context(), cook.UserID, mustDate(t, "2026-11-22"))
	if err != nil {
		t.Fatal(err)
	}
	return p.ID
}

// TestUpdatePlanTracksOnlyNewSlots: a slot sent back unchanged was planned
// before and says nothing new; a new place, or another recipe at an old
// place, is a meal planned now.
func TestUpdatePlanTracksOnlyNewSlots(t *testing.T) {
	t.Parallel()
	log := memory.NewEventLog(0)
	r := newEventRig(t, log, quietLogger())
	id := r.mustPlan(t, app.DaysInput{"2026-11-23": {"dinner": {RecipeID: soup}}})
	steps := []struct {
		name string
		in   app.UpdatePlanInput
		want []ports.Event
	}{
		{"put unchanged slot plus a new one", app.UpdatePlanInput{ID: id, Days: app.DaysInput{
			"2026-11-23": {"dinner": {RecipeID: soup}},
			"2026-11-24": {"lunch": {RecipeID: pie}},
		}}, []ports.Event{planned(pie, "2026-11-24", "lunch")}},
		{"patch another recipe into a kept place", app.UpdatePlanInput{ID: id, Merge: true, Days: app.DaysInput{
			"2026-11-23": {"dinner": {RecipeID: pie}},
		}}, []ports.Event{planned(pie, "2026-11-23", "dinner")}},
		{"patch new servings of the same recipe", app.UpdatePlanInput{ID: id, Merge: true, Days: app.DaysInput{
			"2026-11-24": {"lunch": {RecipeID: pie, Servings: servings(6)}},
		}}, nil},
		{"patch notes only", app.UpdatePlanInput{ID: id, Merge: true, Notes: new("soup week")}, nil},
	}
	for _, s := range steps {
		before := len(log.Events())
		if _, err := r.planner.UpdatePlan(t.Context(), cook, s.in); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		t.Run(s.name, func(t *testing.T) { wantEvents(t, log.Events()[before:], s.want...) })
	}
}

// TestRecipeViewEventsNeedASignedInUser: anonymous views teach the
// recommender nothing; a caller without a refresh family is grouped by token.
func TestRecipeViewEventsNeedASignedInUser(t *testing.T) {
	t.Parallel()
	log := memory.NewEventLog(0)
	r := newEventRig(t, log, quietLogger())
	if _, err := r.cat.Recipe(t.Context(), app.Principal{}, soup); err != nil {
		t.Fatal(err)
	}
	if got := log.Events(); len(got) != 0 {
		t.Fatalf("anonymous view tracked %+v", got)
	}
	tokenOnly := app.Principal{UserID: cook.UserID, Role: user.RoleUser, TokenID: "jti-9"}
	if _, err := r.cat.Recipe(t.Context(), tokenOnly, soup); err != nil {
		t.Fatal(err)
	}
	got := log.Events()
	if len(got) != 1 || got[0].SessionID != "jti-9" || got[0].Type != ports.EventRecipeViewed {
		t.Fatalf("signed-in view tracked %+v, want one recipe_viewed in session jti-9", got)
	}
}

// failingTracker refuses every event, as a tracker that delivers at once
// does when the recommender is down.
type failingTracker struct {
	mu    sync.Mutex
	calls []ports.EventType
}

func (f *failingTracker) Track(_ context.Context, e ports.Event) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, e.Type)
	return &domain.Error{Code: domain.CodeUnavailable, Message: "recommender down"}
}

// lockedBuffer collects log lines from any goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestFailingTrackerDoesNotFailTheAction: every action succeeds and does its
// work; each refused event leaves a warning naming its type and user.
func TestFailingTrackerDoesNotFailTheAction(t *testing.T) {
	t.Parallel()
	tracker, logs := &failingTracker{}, &lockedBuffer{}
	r := newEventRig(t, tracker, slog.New(slog.NewTextHandler(logs, nil)))
	ctx := t.Context()
	if _, err := r.cat.Recipe(ctx, cook, soup); err != nil {
		t.Errorf("view: %v", err)
	}
	if err := r.cat.AddFavorite(ctx, cook, soup); err != nil {
		t.Errorf("favourite: %v", err)
	}
	if _, err := r.cat.Rate(ctx, cook, soup, 5); err != nil {
		t.Errorf("rate: %v", err)
	}
	if _, err := r.planner.AddMeal(ctx, cook, app.AddMealInput{Date: "2026-11-23", MealType: "dinner", RecipeID: soup}); err != nil {
		t.Errorf("add meal: %v", err)
	}
	if _, err := r.shop.GenerateList(ctx, cook, app.GenerateListInput{WeekStart: "2026-11-22"}); err != nil {
		t.Errorf("generate list: %v", err)
	}
	favs, _, err := r.store.Favorites().List(ctx, cook.UserID, 0, 10)
	if err != nil || len(favs) != 1 {
		t.Errorf("favourite not stored: %v %+v", err, favs)
	}
	want := []ports.EventType{ports.EventRecipeViewed, ports.EventRecipeFavorited, ports.EventRecipeRated,
		ports.EventMealPlanned, ports.EventShoppingListGenerated}
	tracker.mu.Lock()
	calls := append([]ports.EventType(nil), tracker.calls...)
	tracker.mu.Unlock()
	if !slices.Equal(calls, want) {
		t.Errorf("tracker saw %v, want %v", calls, want)
	}
	out := logs.String()
	for _, typ := range want {
		line := "level=WARN msg=\"recommender event dropped\" event=" + string(typ) + " user_id=cook"
		if !strings.Contains(out, line) {
			t.Errorf("no warning %q in logs:\n%s", line, out)
		}
	}
}

// ctxProbe records whether the context Track got was still alive.
type ctxProbe struct {
	mu   sync.Mutex
	errs []error
}

func (p *ctxProbe) Track(ctx context.Context, _ ports.Event) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.errs = append(p.errs, ctx.Err())
	return nil
}

// TestEventOutlivesTheRequest: a tracker that delivers at once gets a live
// context even when the request's context has ended (client gone, response
// written), since the action itself did happen.
func TestEventOutlivesTheRequest(t *testing.T) {
	t.Parallel()
	probe := &ctxProbe{}
	r := newEventRig(t, probe, quietLogger())
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	// The memory store ignores the context, so the view itself succeeds.
	if _, err := r.cat.Recipe(ctx, cook, soup); err != nil {
		t.Fatal(err)
	}
	probe.mu.Lock()
	defer probe.mu.Unlock()
	if len(probe.errs) != 1 || probe.errs[0] != nil {
		t.Fatalf("Track contexts' errors = %v, want one live context", probe.errs)
	}
}
