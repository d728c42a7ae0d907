package app_test

import (
	"context"
	"fmt"
	"maps"
	"testing"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/ports"
)

// savesCounter counts the Save calls and the plans each carried.
type savesCounter struct {
	ports.PlanRepository
	calls [][]string
}

func (s *savesCounter) Save(ctx context.Context, plans ...*planning.Plan) error {
	ids := []string{}
	for _, p := range plans {
		ids = append(ids, p.WeekStart.String())
	}
	s.calls = append(s.calls, ids)
	return s.PlanRepository.Save(ctx, plans...)
}

// copyDayStart is the plan TestCopyDay copies from.
var copyDayStart = map[string]int64{"2026-11-23/breakfast": pancakes, "2026-11-23/dinner": curry, "2026-11-24/dinner": stale}

// copyDayCases copy 2026-11-23 of copyDayStart; wantNext is the week of
// 2026-11-29, nil when it must not exist, and saves the weeks of the one
// Save call, nil when nothing may be saved.
var copyDayCases = []struct {
	name     string
	targets  []string
	replace  bool
	wantSrc  map[string]int64
	wantNext map[string]int64
	saves    []string
}{
	{"fill within the week", []string{"2026-11-24", "2026-11-25"}, false, map[string]int64{
		"2026-11-23/breakfast": pancakes, "2026-11-23/dinner": curry, "2026-11-24/breakfast": pancakes,
		"2026-11-24/dinner": stale, "2026-11-25/breakfast": pancakes, "2026-11-25/dinner": curry}, nil, []string{"2026-11-22"}},
	{"replace within the week", []string{"2026-11-24"}, true, map[string]int64{
		"2026-11-23/breakfast": pancakes, "2026-11-23/dinner": curry, "2026-11-24/breakfast": pancakes,
		"2026-11-24/dinner": curry}, nil, []string{"2026-11-22"}},
	{"into a new week, saved together", []string{"2026-11-28", "2026-11-30"}, false, map[string]int64{
		"2026-11-23/breakfast": pancakes, "2026-11-23/dinner": curry, "2026-11-24/dinner": stale,
		"2026-11-28/breakfast": pancakes, "2026-11-28/dinner": curry},
		map[string]int64{"2026-11-30/breakfast": pancakes, "2026-11-30/dinner": curry}, []string{"2026-11-22", "2026-11-29"}},
	{"nothing to fill saves nothing", []string{"2026-11-23"}, false, copyDayStart, nil, nil},
}

func TestCopyDay(t *testing.T) {
	t.Parallel()
	for _, tt := range copyDayCases {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, id := planWith(t, copyDayStart)
			counter := &savesCounter{PlanRepository: f.store.Plans()}
			f.planner = app.NewPlanner(app.PlannerDeps{Plans: counter, Recipes: f.store.Recipes(), Users: f.store.Users(),
				Activities: f.store.Activities(), Clock: f.clock, IDs: idSeq(), Logger: quietLogger()})
			src, err := f.planner.CopyDay(context.Background(), f.alice, app.CopyDayInput{PlanID: id, SourceDate: "2026-11-23",
				TargetDates: tt.targets, ReplaceExisting: tt.replace})
			if err != nil {
				t.Fatal(err)
			}
			if src.ID != id || !maps.Equal(planLayout(src), tt.wantSrc) {
				t.Errorf("source = %s %v, want %v", src.ID, planLayout(src), tt.wantSrc)
			}
			next, err := f.store.Plans().ForWeek(context.Background(), "alice", planning.NewDate(2026, 11, 29))
			if tt.wantNext == nil && err == nil || tt.wantNext != nil && (err != nil || !maps.Equal(planLayout(next), tt.wantNext)) {
				t.Errorf("next week = %v, %v; want %v", next, err, tt.wantNext)
			}
			if fmt.Sprint(counter.calls) != fmt.Sprint(nonNilCalls(tt.saves)) {
				t.Errorf("saves = %v, want one call with %v", counter.calls, tt.saves)
			}
		})
	}
}

func nonNilCalls(weeks []string) [][]string {
	if weeks == nil {
		return nil
	}
	return [][]string{weeks}
}

// idSeq hands out p-1, p-2, …, so tests can name new plans.
func idSeq() *seqIDs { return &seqIDs{} }

type seqIDs struct{ n int }

func (s *seqIDs) NewID() string     { s.n++; return fmt.Sprintf("p-%d", s.n) }
func (s *seqIDs) NewSecret() string { return s.NewID() }

func TestCopyDayRefusals(t *testing.T) {
	t.Parallel()
	many := make([]string, 15)
	for i := range many {
		many[i] = fmt.Sprintf("2026-12-%02d", i+1)
	}
	tests := []struct {
		name    string
		as      string
		in      app.CopyDayInput
		code    domain.Code
		message string
		field   string
	}{
		{"empty source day", "alice", app.CopyDayInput{SourceDate: "2026-11-26", TargetDates: []string{"2026-11-27"}},
			domain.CodeValidation, "the selected day has no meals", "sourceDate"},
		{"source outside the week", "alice", app.CopyDayInput{SourceDate: "2026-11-30", TargetDates: []string{"2026-11-27"}},
			domain.CodeValidation, "date is outside the plan's week", "sourceDate"},
		{"fifteen targets", "alice", app.CopyDayInput{SourceDate: "2026-11-23", TargetDates: many},
			domain.CodeValidation, "at most 14 target dates", "targetDates"},
		{"no targets", "alice", app.CopyDayInput{SourceDate: "2026-11-23"}, domain.CodeValidation, "targetDates is required", "targetDates"},
		{"a bad target", "alice", app.CopyDayInput{SourceDate: "2026-11-23", TargetDates: []string{"2026-11-24", "someday"}},
			domain.CodeValidation, "invalid date: must be YYYY-MM-DD", "targetDates[1]"},
		{"another user's plan", "bob", app.CopyDayInput{SourceDate: "2026-11-23", TargetDates: []string{"2026-11-24"}},
			domain.CodeNotFound, "meal plan not found", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, id := planWith(t, map[string]int64{"2026-11-23/lunch": curry})
			tt.in.PlanID = id
			_, err := f.planner.CopyDay(context.Background(), app.Principal{UserID: tt.as}, tt.in)
			de := wantPlanError(t, err, tt.code, tt.message)
			if _, ok := de.Details[tt.field]; tt.field != "" && !ok {
				t.Errorf("details %v lack %s", de.Details, tt.field)
			}
			if _, total, _ := f.store.Plans().List(context.Background(), "alice", ports.PlanQuery{}); total != 1 {
				t.Errorf("a refused copy left %d plans", total)
			}
		})
	}
}

func TestCopyWeek(t *testing.T) {
	t.Parallel()
	start := map[string]int64{"2026-11-22/breakfast": pancakes, "2026-11-28/dinner": curry}
	tests := []struct {
		name    string
		target  string
		replace bool
		prefill map[string]int64 // slots of the target week planned first
		want    map[string]int64
	}{
		{"into a new week", "2026-12-09", false, nil,
			map[string]int64{"2026-12-06/breakfast": pancakes, "2026-12-12/dinner": curry}},
		{"fill keeps the target's slots", "2026-12-06", false, map[string]int64{"2026-12-06/breakfast": curry},
			map[string]int64{"2026-12-06/breakfast": curry, "2026-12-12/dinner": curry}},
		{"replace overwrites them", "2026-12-06", true, map[string]int64{"2026-12-06/breakfast": curry, "2026-12-07/lunch": curry},
			map[string]int64{"2026-12-06/breakfast": pancakes, "2026-12-12/dinner": curry}},
		{"onto itself changes nothing", "2026-11-25", true, nil, start},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, id := planWith(t, start)
			for key, rid := range tt.prefill {
				mustAdd(t, f, f.alice, "", key[:10], key[11:], rid)
			}
			got, err := f.planner.CopyWeek(context.Background(), f.alice, app.CopyWeekInput{PlanID: id, TargetWeekStart: tt.target, ReplaceExisting: tt.replace})
			if err != nil {
				t.Fatal(err)
			}
			stored, err := f.store.Plans().ForWeek(context.Background(), "alice", got.WeekStart)
			if err != nil || got.ID != stored.ID || !maps.Equal(planLayout(stored), tt.want) {
				t.Errorf("target = %v (%v), want %v", planLayout(stored), err, tt.want)
			}
			if src, _ := f.store.Plans().Get(context.Background(), "alice", id); !maps.Equal(planLayout(src), start) || src.Version != 1 {
				t.Errorf("source changed: %v version %d", planLayout(src), src.Version)
			}
		})
	}
}

func TestCopyWeekRefusals(t *testing.T) {
	t.Parallel()
	f := newPlanFixture(t, nil)
	empty, err := f.planner.CreatePlan(context.Background(), f.alice, app.CreatePlanInput{WeekStart: "2026-11-22"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.planner.CopyWeek(context.Background(), f.alice, app.CopyWeekInput{PlanID: empty.ID, TargetWeekStart: "2026-12-06"})
	wantPlanError(t, err, domain.CodeValidation, "the selected week has no meals")
	_, err = f.planner.CopyWeek(context.Background(), f.alice, app.CopyWeekInput{PlanID: empty.ID})
	wantPlanError(t, err, domain.CodeValidation, "targetWeekStart is required")
}

func TestClearPlan(t *testing.T) {
	t.Parallel()
	start := map[string]int64{"2026-11-22/breakfast": pancakes, "2026-11-22/dinner": curry, "2026-11-23/dinner": curry}
	tests := []struct {
		name    string
		in      app.ClearPlanInput
		want    map[string]int64
		message string
		field   string
	}{
		{"everything", app.ClearPlanInput{}, map[string]int64{}, "", ""},
		{"one date", app.ClearPlanInput{Dates: []string{"2026-11-22"}}, map[string]int64{"2026-11-23/dinner": curry}, "", ""},
		{"one meal type", app.ClearPlanInput{MealTypes: []string{"DINNER"}}, map[string]int64{"2026-11-22/breakfast": pancakes}, "", ""},
		{"both", app.ClearPlanInput{Dates: []string{"2026-11-23"}, MealTypes: []string{"dinner", "lunch"}},
			map[string]int64{"2026-11-22/breakfast": pancakes, "2026-11-22/dinner": curry}, "", ""},
		{"a date outside the week", app.ClearPlanInput{Dates: []string{"2026-11-22", "2026-11-29"}}, start, "date is outside the plan's week", "dates[1]"},
		{"a bad date", app.ClearPlanInput{Dates: []string{"tomorrow"}}, start, "invalid date: must be YYYY-MM-DD", "dates[0]"},
		{"an unknown meal type", app.ClearPlanInput{MealTypes: []string{"lunch", "tea"}}, start, "", "mealTypes[1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, id := planWith(t, start)
			tt.in.PlanID = id
			got, err := f.planner.ClearPlan(context.Background(), f.alice, tt.in)
			if tt.field != "" {
				de := wantPlanError(t, err, domain.CodeValidation, tt.message)
				if _, ok := de.Details[tt.field]; !ok {
					t.Errorf("details %v lack %s", de.Details, tt.field)
				}
			} else if err != nil || !maps.Equal(planLayout(got), tt.want) {
				t.Errorf("ClearPlan = %v, %v; want %v", planLayout(got), err, tt.want)
			}
			if stored, _ := f.store.Plans().Get(context.Background(), "alice", id); !maps.Equal(planLayout(stored), tt.want) {
				t.Errorf("stored = %v, want %v", planLayout(stored), tt.want)
			}
		})
	}
}
