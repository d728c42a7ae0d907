package app_test

import (
	"context"
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
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

// The catalogue of the plan tests: two live recipes and a deleted one.
const (
	curry    = 101
	pancakes = 102
	stale    = 103
)

// planStart is the fixture clock: Sunday 2026-11-22, the first day of its week.
var planStart = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)

type planFixture struct {
	planner    *app.Planner
	store      *memory.Store
	clock      *memory.Clock
	alice, bob app.Principal // alice's household is 4, bob's the default 2
}

// newPlanFixture builds the planner on the memory store; wrap, when given,
// stands between the planner and the plan repository.
func newPlanFixture(t *testing.T, wrap func(ports.PlanRepository) ports.PlanRepository) planFixture {
	t.Helper()
	store, clock := memory.NewStore(), memory.NewClock(planStart)
	var plans ports.PlanRepository = store.Plans()
	if wrap != nil {
		plans = wrap(plans)
	}
	f := planFixture{store: store, clock: clock,
		alice: app.Principal{UserID: "alice", Role: user.RoleUser}, bob: app.Principal{UserID: "bob", Role: user.RoleUser}}
	f.planner = app.NewPlanner(app.PlannerDeps{Plans: plans, Recipes: store.Recipes(), Users: store.Users(),
		Activities: store.Activities(), Clock: clock, IDs: system.IDs{}, Logger: quietLogger()})
	mustUser(t, store, "alice", 4)
	mustUser(t, store, "bob", 0)
	ctx := context.Background()
	for _, r := range []*recipe.Recipe{
		{ID: curry, Name: "Chicken Curry", Category: "Chicken", Servings: 4,
			Images: recipe.Images{Thumbnail: "http://img/101-200.jpg", Medium: "http://img/101-600.jpg"}},
		{ID: pancakes, Name: "Pancakes", Category: "Breakfast", Servings: 2, Images: recipe.Images{Medium: "http://img/102-600.jpg"}},
		{ID: stale, Name: "Old Stew", Category: "Beef", Servings: 4},
	} {
		if err := store.Recipes().Save(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.Recipes().Delete(ctx, stale, planStart); err != nil {
		t.Fatal(err)
	}
	return f
}

// mustUser stores a user; a household of 0 keeps the default preferences.
func mustUser(tb testing.TB, store *memory.Store, id string, household int) {
	tb.Helper()
	u, err := user.New(id, id+"@example.com", id, "hash", planStart)
	if err != nil {
		tb.Fatal(err)
	}
	if household > 0 {
		u.Preferences.HouseholdSize = household
	}
	if err := store.Users().Create(context.Background(), u); err != nil {
		tb.Fatal(err)
	}
}

// mustAdd plans a recipe, by plan id or (planID "") by date.
func mustAdd(tb testing.TB, f planFixture, pr app.Principal, planID, date, meal string, recipeID int64) *planning.Plan {
	tb.Helper()
	plan, err := f.planner.AddMeal(context.Background(), pr, app.AddMealInput{PlanID: planID, Date: date, MealType: meal, RecipeID: recipeID})
	if err != nil {
		tb.Fatalf("AddMeal %s %s %d: %v", date, meal, recipeID, err)
	}
	return plan
}

// activities waits for the background records, then lists the user's, oldest first.
func (f planFixture) activities(tb testing.TB, userID string) []activity.Activity {
	tb.Helper()
	if err := f.planner.Drain(context.Background()); err != nil {
		tb.Fatal(err)
	}
	all, err := f.store.Activities().All(context.Background(), userID)
	if err != nil {
		tb.Fatal(err)
	}
	return all
}

// planLayout is a plan's slots as "date/meal" → recipe id.
func planLayout(p *planning.Plan) map[string]int64 {
	out := map[string]int64{}
	for _, day := range p.DaysInOrder() {
		for _, m := range day.Meals {
			out[day.Date.String()+"/"+m.Type.String()] = m.Slot.RecipeID
		}
	}
	return out
}

// wantPlanError fails unless err has the code and, when message is not "", the message.
func wantPlanError(tb testing.TB, err error, code domain.Code, message string) *domain.Error {
	tb.Helper()
	de, ok := err.(*domain.Error)
	if !ok || de.Code != code || (message != "" && de.Message != message) {
		tb.Fatalf("error = %v, want %s %q", err, code, message)
	}
	return de
}

// servings is a pointer to n, for inputs whose servings may be absent.
func servings(n int) *int { return &n }

// quietLogger keeps the planner's warnings out of the test output.
func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// planOps runs the editing use cases as alice on one plan, keeping only the
// error, so that tests can list changes one per line.
type planOps struct {
	f  planFixture
	id string
}

func (o planOps) add(date, meal string, recipeID int64) error {
	_, err := o.f.planner.AddMeal(context.Background(), o.f.alice, app.AddMealInput{PlanID: o.id, Date: date, MealType: meal, RecipeID: recipeID})
	return err
}

func (o planOps) addByDate(date, meal string, recipeID int64) error {
	_, err := o.f.planner.AddMeal(context.Background(), o.f.alice, app.AddMealInput{Date: date, MealType: meal, RecipeID: recipeID})
	return err
}

func (o planOps) remove(date, meal string) error {
	_, err := o.f.planner.RemoveMeal(context.Background(), o.f.alice, app.RemoveMealInput{PlanID: o.id, Date: date, MealType: meal})
	return err
}

func (o planOps) clear(dates ...string) error {
	_, err := o.f.planner.ClearPlan(context.Background(), o.f.alice, app.ClearPlanInput{PlanID: o.id, Dates: dates})
	return err
}

func (o planOps) patch(date, meal string, recipeID int64) error {
	_, err := o.f.planner.UpdatePlan(context.Background(), o.f.alice, app.UpdatePlanInput{ID: o.id, Merge: true,
		Days: app.DaysInput{date: {meal: {RecipeID: recipeID}}}})
	return err
}

func (o planOps) copyDay(from string, targets ...string) error {
	_, err := o.f.planner.CopyDay(context.Background(), o.f.alice, app.CopyDayInput{PlanID: o.id, SourceDate: from, TargetDates: targets})
	return err
}

func (o planOps) copyWeek(target string) error {
	_, err := o.f.planner.CopyWeek(context.Background(), o.f.alice, app.CopyWeekInput{PlanID: o.id, TargetWeekStart: target})
	return err
}
