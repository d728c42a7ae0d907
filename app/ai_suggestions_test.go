package app_test

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/user"
)

// TestSuggestionsNeverBreakHardConstraints: whatever ranks high, a recipe
// that breaks the user's diet, allergy (matched as text, any case) or
// dislike is never suggested; with room for all, every allowed one is.
func TestSuggestionsNeverBreakHardConstraints(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		prefs func(*user.Preferences)
		rules recipe.Restrictions
		never []int64
	}{
		{"vegan", func(p *user.Preferences) { p.Dietary = []string{"Vegan"} },
			recipe.Restrictions{Dietary: []string{"Vegan"}}, []int64{9, 13, 15, 16, 19}},
		{"peanut allergy", func(p *user.Preferences) { p.Allergies = []string{"Peanut"} },
			recipe.Restrictions{Allergies: []string{"Peanut"}}, []int64{5, 8}},
		{"mushroom dislike", func(p *user.Preferences) { p.DislikedIngredients = []string{"MUSHROOM"} },
			recipe.Restrictions{Dislikes: []string{"mushroom"}}, []int64{6, 16}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newSuggestFixture(t, nil)
			f.setPrefs(t, "alice", tt.prefs)
			allowed := f.allowed(t, tt.rules)
			got := f.suggest(t, f.alice, app.SuggestionQuery{Count: count(app.MaxSuggestions)})
			if want := min(app.MaxSuggestions, len(allowed)); len(got.Items) != want {
				t.Errorf("%d suggestions, want %d (%v)", len(got.Items), want, idsOf(got))
			}
			for _, id := range idsOf(got) {
				if !allowed[id] || slices.Contains(tt.never, id) {
					t.Errorf("recipe %d breaks the user's restrictions", id)
				}
			}
			if got.Source != app.SourceRules {
				t.Errorf("source %q without a remote recommender", got.Source)
			}
		})
	}
}

// TestSuggestionsSkipExcludedInPlanAndRecent: excluded ids, the plan's
// recipes and recipes planned in the last 14 days never come back, while a
// recipe planned longer ago does.
func TestSuggestionsSkipExcludedInPlanAndRecent(t *testing.T) {
	t.Parallel()
	f := newSuggestFixture(t, nil)
	f.newPlan(t, "alice", "2026-11-22", map[string]int64{"2026-11-23": 1, "2026-11-24": 2}) // this week
	f.newPlan(t, "alice", "2026-11-15", map[string]int64{"2026-11-16": 3})                  // 6 days ago
	f.newPlan(t, "alice", "2026-10-25", map[string]int64{"2026-10-25": 4})                  // 28 days ago
	old := f.newPlan(t, "alice", "2026-01-04", map[string]int64{"2026-01-05": 5})           // long ago
	exclude := []int64{9, 10}
	for i := int64(15); i <= 24; i++ { // leave fewer candidates than asked for, so none is ranked out
		exclude = append(exclude, i)
	}
	got := idsOf(f.suggest(t, f.alice, app.SuggestionQuery{Count: count(20), ExcludeRecipeIDs: exclude}))
	for _, id := range append([]int64{1, 2, 3}, exclude...) {
		if slices.Contains(got, id) {
			t.Errorf("recipe %d suggested: %v", id, got)
		}
	}
	for _, id := range []int64{4, 5, 6} {
		if !slices.Contains(got, id) {
			t.Errorf("recipe %d missing although allowed: %v", id, got)
		}
	}
	byPlan := idsOf(f.suggest(t, f.alice, app.SuggestionQuery{MealPlanID: old.ID, Count: count(20), ExcludeRecipeIDs: exclude}))
	if slices.Contains(byPlan, 5) || !slices.Contains(byPlan, 4) {
		t.Errorf("filling the January plan: %v, want 5 (in it) out and 4 (not in it, nor recent) in", byPlan)
	}
}

// TestSuggestionsUseTheUsersToday: the 14-day window ends on the user's own
// date, which at 02:00 UTC is still yesterday in Los Angeles.
func TestSuggestionsUseTheUsersToday(t *testing.T) {
	t.Parallel()
	f := newSuggestFixture(t, nil)
	f.clock.Set(time.Date(2026, 11, 22, 2, 0, 0, 0, time.UTC))
	f.setPrefs(t, "bob", func(p *user.Preferences) { p.Timezone = "America/Los_Angeles" })
	for _, u := range []string{"alice", "bob"} {
		f.newPlan(t, u, "2026-11-01", map[string]int64{"2026-11-07": 4})
	}
	exclude := []int64{}
	for i := int64(11); i <= 24; i++ {
		exclude = append(exclude, i)
	}
	q := app.SuggestionQuery{Count: count(20), ExcludeRecipeIDs: exclude}
	if got := idsOf(f.suggest(t, f.alice, q)); !slices.Contains(got, 4) {
		t.Errorf("UTC user, planned 15 days ago: 4 missing from %v", got)
	}
	if got := idsOf(f.suggest(t, f.bob, q)); slices.Contains(got, 4) {
		t.Errorf("Los Angeles user, planned 14 days ago: 4 suggested in %v", got)
	}
	q.Date = "2026-11-22" // the date given is the reference day
	if got := idsOf(f.suggest(t, f.bob, q)); !slices.Contains(got, 4) {
		t.Errorf("date 2026-11-22, planned 15 days before: 4 missing from %v", got)
	}
}

func TestSuggestionsCountAndValidation(t *testing.T) {
	t.Parallel()
	f := newSuggestFixture(t, nil)
	if got := f.suggest(t, f.alice, app.SuggestionQuery{}); len(got.Items) != 8 {
		t.Errorf("default count: %d suggestions, want 8", len(got.Items))
	}
	got := f.suggest(t, f.alice, app.SuggestionQuery{Count: count(3), MealType: "Breakfast", Date: "2026-11-25"})
	if len(got.Items) != 3 {
		t.Errorf("count 3: %d suggestions", len(got.Items))
	}
	for i, it := range got.Items {
		sum := 0
		for _, fc := range it.Factors {
			sum += fc.Points
		}
		if it.Score < 0 || it.Score > 100 || sum != it.Score || it.Reason == "" {
			t.Errorf("item %d: score %d, factors sum %d, reason %q", i, it.Score, sum, it.Reason)
		}
		if i > 0 && it.Score > got.Items[i-1].Score {
			t.Errorf("not best first: %d after %d", it.Score, got.Items[i-1].Score)
		}
	}
	tooMany := make([]int64, 101)
	for i := range tooMany {
		tooMany[i] = int64(i + 1)
	}
	bobs := f.newPlan(t, "bob", "2026-11-22", map[string]int64{"2026-11-23": 1})
	tests := []struct {
		q     app.SuggestionQuery
		code  domain.Code
		field string
	}{
		{app.SuggestionQuery{Count: count(0)}, domain.CodeValidation, "count"},
		{app.SuggestionQuery{Count: count(21)}, domain.CodeValidation, "count"},
		{app.SuggestionQuery{MealType: "brunch"}, domain.CodeValidation, "mealType"},
		{app.SuggestionQuery{Date: "2026-02-30"}, domain.CodeValidation, "date"},
		{app.SuggestionQuery{WeekStart: "next week"}, domain.CodeValidation, "weekStart"},
		{app.SuggestionQuery{ExcludeRecipeIDs: tooMany}, domain.CodeValidation, "excludeRecipeIds"},
		{app.SuggestionQuery{ExcludeRecipeIDs: []int64{1, 0}}, domain.CodeValidation, "excludeRecipeIds"},
		{app.SuggestionQuery{MealPlanID: "nope"}, domain.CodeNotFound, ""},
		{app.SuggestionQuery{MealPlanID: bobs.ID}, domain.CodeNotFound, ""},
	}
	for _, tt := range tests {
		_, err := f.ai.Suggestions(context.Background(), f.alice, tt.q)
		de := wantPlanError(t, err, tt.code, "")
		if _, ok := de.Details[tt.field]; tt.field != "" && !ok {
			t.Errorf("%+v: details %v lack %s", tt.q, de.Details, tt.field)
		}
	}
	if _, err := f.ai.Suggestions(context.Background(), f.bob, app.SuggestionQuery{MealPlanID: bobs.ID}); err != nil {
		t.Errorf("the owner's own plan id: %v", err)
	}
}

// TestSuggestionsAfterTheCatalogueChanged: the index of the previous
// catalogue answers while the new one is built in the background, and a
// deleted recipe never comes back from either, nor leaves the answer short.
func TestSuggestionsAfterTheCatalogueChanged(t *testing.T) {
	t.Parallel()
	f := newSuggestFixture(t, nil)
	q := app.SuggestionQuery{Count: count(20)}
	first := idsOf(f.suggest(t, f.bob, q))
	if len(first) != 20 {
		t.Fatalf("%d suggestions from 24 recipes, want 20", len(first))
	}
	gone := first[0]
	if err := f.cat.DeleteRecipe(context.Background(), admin, gone); err != nil {
		t.Fatal(err)
	}
	f.favorite(t, "bob", first[1]) // a new favourite misses the answer cache
	for _, stage := range []string{"previous index", "rebuilt index"} {
		got := idsOf(f.suggest(t, f.bob, q))
		if len(got) != 20 || slices.Contains(got, gone) {
			t.Errorf("%s: %d suggestions %v; want 20 without the deleted %d", stage, len(got), got, gone)
		}
		if err := f.ai.Drain(context.Background()); err != nil {
			t.Fatal(err)
		}
		f.favorite(t, "bob", first[2+len(stage)%3])
	}
}

// TestWarmUpBuildsTheRecommenderAheadOfTheFirstRequest: after a warm-up the
// first suggestions reuse its index instead of building one.
func TestWarmUpBuildsTheRecommenderAheadOfTheFirstRequest(t *testing.T) {
	t.Parallel()
	f := newSuggestFixture(t, nil)
	logs := &lockedBuffer{}
	f.ai.Logger = slog.New(slog.NewTextHandler(logs, nil))
	f.ai.WarmUp()
	if err := f.ai.Drain(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(logs.String(), "recommender index built"); n != 1 {
		t.Fatalf("warm-up built the index %d times, want once:\n%s", n, logs.String())
	}
	f.suggest(t, f.alice, app.SuggestionQuery{})
	if n := strings.Count(logs.String(), "recommender index built"); n != 1 {
		t.Errorf("the first request built the index again (%d builds)", n)
	}
}

// TestCoOccurrenceIsRelearntInTheBackground: the first request learns from
// everyone's plans; once that is older than its 15 minutes, a request
// answers with it while a background task learns afresh, once.
func TestCoOccurrenceIsRelearntInTheBackground(t *testing.T) {
	t.Parallel()
	f := newSuggestFixture(t, nil)
	logs := &lockedBuffer{}
	f.ai.Logger = slog.New(slog.NewTextHandler(logs, nil))
	learnt := func() int { return strings.Count(logs.String(), "recommender co-occurrence built") }
	f.suggest(t, f.alice, app.SuggestionQuery{})
	f.suggest(t, f.bob, app.SuggestionQuery{})
	if learnt() != 1 {
		t.Fatalf("two requests learnt the co-occurrence %d times, want once", learnt())
	}
	f.clock.Advance(16 * time.Minute)
	f.suggest(t, f.alice, app.SuggestionQuery{Count: count(3)})
	f.suggest(t, f.bob, app.SuggestionQuery{Count: count(3)})
	if err := f.ai.Drain(context.Background()); err != nil {
		t.Fatal(err)
	}
	if learnt() != 2 {
		t.Errorf("after 16 minutes and two requests: learnt %d times, want twice", learnt())
	}
}
