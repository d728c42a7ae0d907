// Package recommend is the local hybrid recommender behind meal suggestions.
// It scores the catalogue for one person by blending six signals (taste,
// similar cooks, popularity, stated preferences, meal fit and novelty) and
// never breaks a hard constraint: diet, allergies, dislikes, excluded ids,
// what is already in the plan and what was planned in the last 14 days.
//
// The package is pure: the caller hands in the catalogue, the person's
// history, everyone's interactions and today's date.
package recommend

import (
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/user"
)

// DefaultCount is how many suggestions a request without a count gets.
const DefaultCount = 8

// RecentDays is the contract's window: a recipe planned this many days
// before today (or later) is not suggested again.
const RecentDays = 14

// Profile is what is known about the person asking: their history and their
// stated preferences. The Prefs' Dietary, Allergies and DislikedIngredients
// are hard constraints; the rest only shape the score.
type Profile struct {
	// Favorites are the ids of the recipes they favourited.
	Favorites []int64
	// Ratings are their stars (1–5) by recipe id.
	Ratings map[int64]int
	// Planned lists every meal of theirs, past and future, one per slot.
	Planned []Planned
	// Prefs are their preferences.
	Prefs user.Preferences
}

// Planned is one recipe in one of the person's plans, on a date.
type Planned struct {
	RecipeID int64
	Date     planning.Date
}

// Request says what kind of suggestions are wanted.
type Request struct {
	// Count is how many suggestions to return; DefaultCount when not positive.
	Count int
	// MealType is the slot to fill, "" for any.
	MealType planning.MealType
	// Hour is the local hour (0–23) the person is asking at, -1 when
	// unknown (0 is midnight). It stands in for the meal type when MealType
	// is empty.
	Hour int
	// Today is the person's current date in their time zone, the reference
	// for recency; it must be set.
	Today planning.Date
	// Exclude are ids the caller does not want back.
	Exclude []int64
	// InPlan are the ids already in the plan being filled.
	InPlan []int64
}

// Suggestion is one recommended recipe with why it was chosen.
type Suggestion struct {
	RecipeID int64
	// Score is 0–100 and equals the sum of the Factors' points.
	Score int
	// Reason is one human sentence naming the main reason.
	Reason string
	// Factors are the signals that earned points, most points first.
	Factors []Factor
}

// Factor is one signal's share of a suggestion's score.
type Factor struct {
	Name        string
	Points      int
	Description string
}

// Recommend returns up to req.Count suggestions for the person, best first,
// ties broken by recipe id. co may be nil when no one's interactions are
// known; the popularity prior, the stated preferences and the meal fit
// still rank the catalogue then. Every suggestion passes the person's
// recipe.Restrictions.
func (ix *Index) Recommend(p Profile, co *CoOccurrence, req Request) []Suggestion {
	h := newHistory(p, req.Today)
	pool := ix.pool(p, req, h)
	s := ix.newScorer(p, co, req, h, pool)
	picked := ix.pick(pool, s.totals(), RestrictionsOf(p.Prefs), countOf(req))
	out := make([]Suggestion, len(picked))
	for i, c := range picked {
		out[i] = s.explain(c)
	}
	return out
}

// Popular is the baseline: the same candidates as Recommend, ranked by
// popularity alone (catalogue ratings and favourites, and how many people
// interacted with each recipe). Scores are relative to the most popular
// candidate.
func (ix *Index) Popular(p Profile, co *CoOccurrence, req Request) []Suggestion {
	h := newHistory(p, req.Today)
	pool := ix.pool(p, req, h)
	pops := ix.popularities(co, pool)
	top := maxOf(pops, 0)
	totals := make([]float64, len(pool))
	for i, v := range pops {
		if top > 0 {
			totals[i] = v / top
		}
	}
	picked := ix.pick(pool, totals, RestrictionsOf(p.Prefs), countOf(req))
	out := make([]Suggestion, len(picked))
	for i, c := range picked {
		score := roundPoints(100 * c.total)
		out[i] = Suggestion{RecipeID: ix.entries[c.at].id, Score: score, Reason: reasonUnknown}
		if score > 0 {
			out[i].Reason = reasonPopular
			out[i].Factors = []Factor{{Name: FactorPopularity, Points: score,
				Description: ix.popularityText(ix.entries[c.at].r)}}
		}
	}
	return out
}

func countOf(req Request) int {
	if req.Count <= 0 {
		return DefaultCount
	}
	return req.Count
}
