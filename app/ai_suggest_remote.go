package app

import (
	"context"
	"math"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/recommend"
	"github.com/mealplanner/backend/ports"
)

// remoteTimeout bounds the remote recommender whatever its adapter does, so
// that the local one still answers well inside the contract's 2 s.
const remoteTimeout = 2 * time.Second

// remoteOverfetch is how many candidates the remote recommender is asked
// for per wanted suggestion: it knows nothing of diets and allergies, so
// some of its answers are dropped.
const remoteOverfetch = 3

// FactorPersonalize names the one factor of a remote suggestion: the
// remote recommender's confidence.
const FactorPersonalize = "personalize"

const (
	reasonPersonalize     = "Picked for you by the recommendation service"
	personalizeFactorText = "How confident the recommendation service is that you will like it"
)

var errRemoteTimeout = domain.Errorf(domain.CodeUnavailable, "recommender did not answer in %s", remoteTimeout)

// remoteSuggestions asks the remote recommender, when there is one, and
// keeps at most in.count of its answers that are live and allowed. A
// failure or an answer with nothing usable is logged and counted as a
// fallback, never returned.
func (a *AI) remoteSuggestions(ctx context.Context, snap *Snapshot, sc *suggestContext, in suggestInput) []Suggestion {
	if a.Recommender == nil {
		return nil
	}
	recs, err := a.callRemote(ctx, ports.RecommendationRequest{UserID: sc.userID, Count: remoteOverfetch * in.count,
		MealType: string(in.meal), ExcludeIDs: blockedList(sc.blocked)})
	if err != nil {
		a.suggest.fallbacks.Add(1)
		a.Logger.Warn("remote recommender failed, local recommender answers", "err", err, "user_id", sc.userID)
		return nil
	}
	out := make([]Suggestion, 0, in.count)
	seen := map[int64]bool{}
	for _, rec := range recs {
		r, live := snap.Recipe(rec.RecipeID)
		if !live || seen[r.ID] || !sc.allows(r) {
			continue
		}
		seen[r.ID] = true
		score := remoteScore(rec.Score)
		out = append(out, Suggestion{Recipe: r, Score: score, Reason: reasonPersonalize,
			Factors: []recommend.Factor{{Name: FactorPersonalize, Points: score, Description: personalizeFactorText}}})
		if len(out) == in.count {
			break
		}
	}
	if len(out) == 0 {
		a.suggest.fallbacks.Add(1)
		a.Logger.Warn("remote recommender had nothing usable, local recommender answers",
			"returned", len(recs), "user_id", sc.userID)
	}
	return out
}

// callRemote calls the remote recommender under remoteTimeout. It waits in
// a select rather than trusting the adapter to honour ctx: a hung adapter
// must not hang the request.
func (a *AI) callRemote(ctx context.Context, req ports.RecommendationRequest) ([]ports.Recommendation, error) {
	ctx, cancel := context.WithTimeout(ctx, remoteTimeout)
	defer cancel()
	type answer struct {
		recs []ports.Recommendation
		err  error
	}
	done := make(chan answer, 1) // buffered: a late answer must not block the goroutine forever
	go func() {
		// The HTTP recovery middleware does not reach this goroutine: a
		// panicking adapter would take the whole process down.
		defer func() {
			if v := recover(); v != nil {
				done <- answer{err: domain.Errorf(domain.CodeUnavailable, "recommender panicked: %v", v)}
			}
		}()
		recs, err := a.Recommender.Recommend(ctx, req)
		done <- answer{recs, err}
	}()
	select {
	case ans := <-done:
		return ans.recs, ans.err
	case <-ctx.Done():
		if ctx.Err() == context.DeadlineExceeded {
			return nil, errRemoteTimeout
		}
		return nil, ctx.Err()
	}
}

// remoteScore maps a 0–1 confidence to 0–100; anything outside is clamped.
func remoteScore(x float64) int {
	if math.IsNaN(x) {
		return 0
	}
	return int(math.Round(100 * math.Max(0, math.Min(1, x))))
}

func blockedList(blocked map[int64]bool) []int64 {
	out := make([]int64, 0, len(blocked))
	for id := range blocked {
		out = append(out, id)
	}
	return out
}

// localSuggestions asks the local recommender for what the remote one did
// not supply, never repeating one of its recipes.
func (a *AI) localSuggestions(ctx context.Context, snap *Snapshot, sc *suggestContext, in suggestInput, got []Suggestion) []Suggestion {
	ix, co, fresh := a.recommender(ctx, snap)
	exclude := append([]int64(nil), in.exclude...)
	for _, s := range got {
		exclude = append(exclude, s.Recipe.ID)
	}
	want := in.count - len(got)
	ask := want
	if !fresh {
		// An index of the previous catalogue may hold recipes deleted or
		// changed since; asking for a few more leaves enough after the check.
		ask += staleIndexMargin
	}
	picked := ix.Recommend(sc.profile, co, sc.request(in, ask, exclude))
	out := make([]Suggestion, 0, want)
	for _, s := range picked {
		r, live := snap.Recipe(s.RecipeID)
		if !live || !sc.allows(r) {
			if fresh {
				// Recommend promises both; checking again keeps a bug there from reaching a client.
				a.Logger.Error("local recommender broke a constraint", "recipe_id", s.RecipeID, "user_id", sc.userID)
			}
			continue
		}
		if len(out) < want {
			out = append(out, Suggestion{Recipe: r, Score: s.Score, Reason: s.Reason, Factors: s.Factors})
		}
	}
	return out
}

// staleIndexMargin is how many extra suggestions a stale index is asked for.
const staleIndexMargin = 10
