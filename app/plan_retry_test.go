package app_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/ports"
)

// rival stands for another request: for its first times Save calls it
// saves a competing change to each plan first (a snack on the week's
// Saturday; a whole new plan for a week not stored yet), so that the
// planner's own save finds its version stale or its week taken.
type rival struct {
	ports.PlanRepository
	times int

	mu    sync.Mutex
	saves int
}

func (r *rival) Save(ctx context.Context, plans ...*planning.Plan) error {
	r.mu.Lock()
	r.saves++
	meddle := r.saves <= r.times
	r.mu.Unlock()
	for _, p := range plans {
		if meddle {
			if err := r.compete(ctx, p); err != nil {
				return err
			}
		}
	}
	return r.PlanRepository.Save(ctx, plans...)
}

func (r *rival) compete(ctx context.Context, p *planning.Plan) error {
	cur := planning.NewPlan("rival-"+p.WeekStart.String(), p.UserID, p.WeekStart, planStart)
	if p.Version > 0 {
		var err error
		if cur, err = r.Get(ctx, p.UserID, p.ID); err != nil {
			return err
		}
	}
	snack, _ := planning.NewSlot(pancakes, "Pancakes", "", "Breakfast", 1, "", planStart)
	if err := cur.Set(cur.WeekEnd(), planning.Snacks, snack, planStart); err != nil {
		return err
	}
	return r.PlanRepository.Save(ctx, cur)
}

func (r *rival) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.saves
}

// staleCases are the editing use cases, each with the week it changes and
// the slots that week must hold after the rival's change and its own.
var staleCases = []struct {
	name string
	run  func(o planOps) error
	week planning.Date
	want map[string]int64
}{
	{"add by plan", func(o planOps) error { return o.add("2026-11-25", "dinner", pancakes) }, planning.NewDate(2026, 11, 22),
		map[string]int64{"2026-11-23/lunch": curry, "2026-11-25/dinner": pancakes, "2026-11-28/snacks": pancakes}},
	{"add by date into a week created meanwhile", func(o planOps) error { return o.addByDate("2026-12-01", "dinner", curry) },
		planning.NewDate(2026, 11, 29), map[string]int64{"2026-12-01/dinner": curry, "2026-12-05/snacks": pancakes}},
	{"remove", func(o planOps) error { return o.remove("2026-11-23", "lunch") }, planning.NewDate(2026, 11, 22),
		map[string]int64{"2026-11-28/snacks": pancakes}},
	{"clear", func(o planOps) error { return o.clear("2026-11-23") }, planning.NewDate(2026, 11, 22),
		map[string]int64{"2026-11-28/snacks": pancakes}},
	{"patch", func(o planOps) error { return o.patch("2026-11-24", "breakfast", pancakes) }, planning.NewDate(2026, 11, 22),
		map[string]int64{"2026-11-23/lunch": curry, "2026-11-24/breakfast": pancakes, "2026-11-28/snacks": pancakes}},
	{"copy day", func(o planOps) error { return o.copyDay("2026-11-23", "2026-11-24") }, planning.NewDate(2026, 11, 22),
		map[string]int64{"2026-11-23/lunch": curry, "2026-11-24/lunch": curry, "2026-11-28/snacks": pancakes}},
	{"copy week into a week created meanwhile", func(o planOps) error { return o.copyWeek("2026-11-29") },
		planning.NewDate(2026, 11, 29), map[string]int64{"2026-11-30/lunch": curry, "2026-12-05/snacks": pancakes}},
}

// TestPlanEditsRetryAStaleVersion: every editing use case reloads and
// redoes its change when another request saved the plan (or created the
// week's plan) in between, keeping both changes; it gives up with CONFLICT
// after planAttemptsInTest clashes in a row, having recorded nothing.
func TestPlanEditsRetryAStaleVersion(t *testing.T) {
	t.Parallel()
	for _, tt := range staleCases {
		for _, clashes := range []int{1, planAttemptsInTest} {
			t.Run(fmt.Sprintf("%s, %d clashes", tt.name, clashes), func(t *testing.T) {
				t.Parallel()
				f, id, r := planWithRival(t, map[string]int64{"2026-11-23/lunch": curry}, clashes)
				err := tt.run(planOps{f, id})
				if clashes == planAttemptsInTest {
					wantPlanError(t, err, domain.CodeConflict, "meal plan was changed by another request, please try again")
					if r.count() != planAttemptsInTest || len(f.activities(t, "alice")) != 0 {
						t.Errorf("%d saves, %d activities after giving up", r.count(), len(f.activities(t, "alice")))
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				stored, _ := f.store.Plans().ForWeek(context.Background(), "alice", tt.week)
				if !maps.Equal(planLayout(stored), tt.want) || r.count() != 2 {
					t.Errorf("stored %v after %d saves, want %v after 2", planLayout(stored), r.count(), tt.want)
				}
			})
		}
	}
}

// planAttemptsInTest is the planner's number of tries, as the contract of
// retryStale promises it.
const planAttemptsInTest = 3

// planWithRival is planWith on a repository where a rival clashes with the
// planner's first clashes saves.
func planWithRival(t *testing.T, slots map[string]int64, clashes int) (planFixture, string, *rival) {
	t.Helper()
	f, id := planWith(t, slots)
	r := &rival{PlanRepository: f.store.Plans(), times: clashes}
	f.planner = app.NewPlanner(app.PlannerDeps{Plans: r, Recipes: f.store.Recipes(), Users: f.store.Users(),
		Activities: f.store.Activities(), Clock: f.clock, IDs: idSeq(), Logger: quietLogger()})
	return f, id, r
}

// TestPlanChangesRecordActivities: each change records one activity in the
// background; refused changes and changes that change nothing record none.
func TestPlanChangesRecordActivities(t *testing.T) {
	t.Parallel()
	f := newPlanFixture(t, nil)
	plan := mustAdd(t, f, f.alice, "", "2026-11-24", "dinner", curry)
	o := planOps{f, plan.ID}
	steps := []func() error{
		func() error { return o.add("2026-11-24", "lunch", pancakes) },
		func() error { return o.copyDay("2026-11-24", "2026-11-25", "2026-11-26", "2026-11-25") },
		func() error { return o.copyDay("2026-11-24", "2026-11-25") }, // fills nothing
		func() error { return o.remove("2026-11-24", "dinner") },
		func() error { return o.remove("2026-11-24", "dinner") }, // already empty
		func() error { return o.clear("2026-11-25") },
		func() error { return o.clear("2026-11-25") }, // already empty
		func() error { return ignoreCode(o.add("2026-11-24", "dinner", stale), domain.CodeNotFound) },
		func() error { return o.copyWeek("2026-12-06") }, // the contract has no action for it
	}
	for i, step := range steps {
		f.clock.Advance(time.Minute)
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
	}
	want := []string{
		"add_meal|Added Chicken Curry to dinner on 2026-11-24|101",
		"add_meal|Added Pancakes to lunch on 2026-11-24|102",
		"copy_day|Copied the meals of 2026-11-24 to 2 day(s)|" + plan.ID,
		"remove_meal|Removed Chicken Curry from dinner on 2026-11-24|101",
		"clear_plan|Cleared 2 meal(s) from the week of 2026-11-22|" + plan.ID,
	}
	var got []string
	for _, a := range f.activities(t, "alice") {
		got = append(got, string(a.Action)+"|"+a.Details+"|"+a.RelatedID)
		if a.Metadata["mealPlanId"] != plan.ID {
			t.Errorf("%s metadata = %v", a.Action, a.Metadata)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("activities\n got %q\nwant %q", got, want)
	}
}

// ignoreCode turns an error of the expected code into nil, and a success
// into a failure: the step was meant to be refused.
func ignoreCode(err error, code domain.Code) error {
	switch {
	case err == nil:
		return fmt.Errorf("succeeded, want %s", code)
	case domain.IsCode(err, code):
		return nil
	}
	return err
}
