package app_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

// fakeRemote is a remote recommender that answers what it is told to and
// records what it was asked.
type fakeRemote struct {
	mu    sync.Mutex
	recs  []ports.Recommendation
	err   error
	hang  chan struct{} // when set, Recommend waits for it and ignores its context
	panic bool
	calls []ports.RecommendationRequest
}

func (f *fakeRemote) Recommend(_ context.Context, req ports.RecommendationRequest) ([]ports.Recommendation, error) {
	f.mu.Lock()
	f.calls = append(f.calls, req)
	recs, err, hang, panics := f.recs, f.err, f.hang, f.panic
	f.mu.Unlock()
	if panics {
		panic("remote adapter bug")
	}
	if hang != nil {
		<-hang
	}
	return recs, err
}

func (f *fakeRemote) set(recs []ports.Recommendation, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.recs, f.err = recs, err
}

func (f *fakeRemote) called() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.calls)
}

func TestSuggestionsAskTheRemoteRecommenderFirst(t *testing.T) {
	t.Parallel()
	remote := &fakeRemote{recs: []ports.Recommendation{
		{RecipeID: 999, Score: 0.95}, // not in the catalogue
		{RecipeID: 5, Score: 0.9},    // peanuts
		{RecipeID: 1, Score: 0.85},   // in the plan
		{RecipeID: 12, Score: 0.7},
		{RecipeID: 12, Score: 0.69}, // repeated
		{RecipeID: 13, Score: 0.654},
		{RecipeID: 2, Score: 0.6}, // excluded
	}}
	f := newSuggestFixture(t, remote)
	f.setPrefs(t, "alice", func(p *user.Preferences) { p.Allergies = []string{"Peanut"} })
	f.newPlan(t, "alice", "2026-11-22", map[string]int64{"2026-11-23": 1})
	got := f.suggest(t, f.alice, app.SuggestionQuery{Count: count(4), MealType: "dinner", ExcludeRecipeIDs: []int64{2}})
	ids := idsOf(got)
	if got.Source != app.SourcePersonalize || len(ids) != 4 || ids[0] != 12 || ids[1] != 13 {
		t.Fatalf("source %q, ids %v: want personalize, 12 and 13 first, then two local ones", got.Source, ids)
	}
	for i, want := range []int{70, 65} {
		it := got.Items[i]
		if it.Score != want || it.Reason == "" || len(it.Factors) != 1 ||
			it.Factors[0].Name != app.FactorPersonalize || it.Factors[0].Points != want {
			t.Errorf("remote item %d = score %d reason %q factors %+v, want score %d", i, it.Score, it.Reason, it.Factors, want)
		}
	}
	for _, it := range got.Items[2:] {
		if slices.Contains([]int64{1, 2, 5, 8, 12, 13}, it.Recipe.ID) {
			t.Errorf("local top-up repeated or broke a rule: %v", ids)
		}
		for _, fc := range it.Factors {
			if fc.Name == app.FactorPersonalize {
				t.Errorf("top-up item %d credited to the remote recommender", it.Recipe.ID)
			}
		}
	}
	req := remote.calls[0]
	if req.UserID != "alice" || req.Count != 12 || req.MealType != "dinner" ||
		!slices.Contains(req.ExcludeIDs, 1) || !slices.Contains(req.ExcludeIDs, 2) {
		t.Errorf("remote request = %+v", req)
	}
	if st := f.ai.SuggestionStats(); st != (app.SuggestionStats{Personalize: 1}) {
		t.Errorf("stats = %+v", st)
	}
}

func TestSuggestionsFallBackWhenTheRemoteFailsOrHasNothing(t *testing.T) {
	t.Parallel()
	remote := &fakeRemote{err: errors.New("connection refused")}
	f := newSuggestFixture(t, remote)
	got := f.suggest(t, f.alice, app.SuggestionQuery{})
	if got.Source != app.SourceRules || len(got.Items) != 8 {
		t.Errorf("remote error: source %q, %d items; want rules, 8", got.Source, len(got.Items))
	}
	if st := f.ai.SuggestionStats(); st != (app.SuggestionStats{Rules: 1, Fallbacks: 1}) {
		t.Errorf("after an error: stats = %+v", st)
	}
	remote.set([]ports.Recommendation{{RecipeID: 999, Score: 1}}, nil)
	got = f.suggest(t, f.alice, app.SuggestionQuery{Count: count(5)})
	if got.Source != app.SourceRules || len(got.Items) != 5 {
		t.Errorf("nothing usable: source %q, %d items; want rules, 5", got.Source, len(got.Items))
	}
	if st := f.ai.SuggestionStats(); st != (app.SuggestionStats{Rules: 2, Fallbacks: 2}) {
		t.Errorf("after an unusable answer: stats = %+v", st)
	}
	remote.mu.Lock()
	remote.panic = true
	remote.mu.Unlock()
	got = f.suggest(t, f.alice, app.SuggestionQuery{Count: count(6)})
	if got.Source != app.SourceRules || len(got.Items) != 6 || f.ai.SuggestionStats().Fallbacks != 3 {
		t.Errorf("panicking remote: source %q, %d items, stats %+v", got.Source, len(got.Items), f.ai.SuggestionStats())
	}
}

// TestSuggestionsAnswerWhenTheRemoteHangs: a remote adapter that ignores
// its context must not hold the request beyond the outer guard.
func TestSuggestionsAnswerWhenTheRemoteHangs(t *testing.T) {
	t.Parallel()
	remote := &fakeRemote{hang: make(chan struct{})}
	t.Cleanup(func() { close(remote.hang) })
	f := newSuggestFixture(t, remote)
	start := time.Now()
	got := f.suggest(t, f.alice, app.SuggestionQuery{})
	if took := time.Since(start); took > 4*time.Second {
		t.Errorf("answered after %s", took)
	}
	if got.Source != app.SourceRules || len(got.Items) != 8 || f.ai.SuggestionStats().Fallbacks != 1 {
		t.Errorf("source %q, %d items, stats %+v", got.Source, len(got.Items), f.ai.SuggestionStats())
	}
}

// TestSuggestionsAreCached: an identical request is answered from the
// cache, while a new favourite, a plan edit or a preference change is not.
func TestSuggestionsAreCached(t *testing.T) {
	t.Parallel()
	remote := &fakeRemote{recs: []ports.Recommendation{{RecipeID: 12, Score: 0.7}, {RecipeID: 13, Score: 0.6}}}
	f := newSuggestFixture(t, remote)
	plan := f.newPlan(t, "alice", "2026-11-22", map[string]int64{"2026-11-23": 1})
	q := app.SuggestionQuery{Count: count(4)}
	first := idsOf(f.suggest(t, f.alice, q))
	again := idsOf(f.suggest(t, f.alice, q))
	if remote.called() != 1 || !slices.Equal(first, again) {
		t.Fatalf("identical request: %d remote calls, %v then %v", remote.called(), first, again)
	}
	steps := []struct {
		name   string
		change func()
	}{
		{"new favourite", func() { f.favorite(t, "alice", 20) }},
		{"plan edited", func() { f.savePlan(t, plan, map[string]int64{"2026-11-25": 3}) }},
		{"preference changed", func() {
			f.setPrefs(t, "alice", func(p *user.Preferences) { p.DislikedIngredients = []string{"lamb"} })
		}},
	}
	for i, step := range steps {
		step.change()
		got := idsOf(f.suggest(t, f.alice, q))
		if remote.called() != i+2 {
			t.Errorf("%s: %d remote calls, want %d", step.name, remote.called(), i+2)
		}
		if step.name == "preference changed" && slices.Contains(got, 12) {
			t.Errorf("lamb disliked, Lamb Tagine still suggested: %v", got)
		}
	}
	if st := f.ai.SuggestionStats(); st.Personalize != 4 {
		t.Errorf("stats %+v: want 4 computed answers, the cache hit not counted", st)
	}
	if err := f.cat.DeleteRecipe(context.Background(), admin, 13); err != nil {
		t.Fatal(err)
	}
	got := idsOf(f.suggest(t, f.alice, q))
	if remote.called() != 4 || slices.Contains(got, 13) || len(got) != 3 {
		t.Errorf("after deleting 13: %d remote calls, ids %v; want a cache hit without 13", remote.called(), got)
	}
}

// TestSuggestionsRetryTheRemoteSoonAfterAFallback: a local answer given
// while the remote recommender failed is cached briefly, not for 30 minutes.
func TestSuggestionsRetryTheRemoteSoonAfterAFallback(t *testing.T) {
	t.Parallel()
	remote := &fakeRemote{err: errors.New("throttled")}
	f := newSuggestFixture(t, remote)
	if got := f.suggest(t, f.alice, app.SuggestionQuery{}); got.Source != app.SourceRules {
		t.Fatalf("source %q while the remote fails", got.Source)
	}
	remote.set([]ports.Recommendation{{RecipeID: 12, Score: 0.7}}, nil)
	if got := f.suggest(t, f.alice, app.SuggestionQuery{}); got.Source != app.SourceRules || remote.called() != 1 {
		t.Errorf("at once: source %q after %d calls, want the cached fallback", got.Source, remote.called())
	}
	f.clock.Advance(5 * time.Minute)
	if got := f.suggest(t, f.alice, app.SuggestionQuery{}); got.Source != app.SourcePersonalize || remote.called() != 2 {
		t.Errorf("5 minutes later: source %q after %d calls, want the remote asked again", got.Source, remote.called())
	}
}
