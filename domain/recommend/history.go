package recommend

import (
	"math"
	"slices"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/user"
)

// How much each kind of event says about taste. A favourite is the
// clearest signal; a rating counts by its distance from a neutral three
// stars, so one or two stars push similar recipes down; each planned meal
// counts half a favourite, halving every planHalfLife days since, because
// what someone cooks now says more than what they cooked last year.
const (
	favoriteWeight = 1.0
	plannedWeight  = 0.5
	planHalfLife   = 60.0 // days
	maxTaste       = 2.0  // cap of one recipe's weight, so a weekly staple does not drown the rest
	// dislikedStars and below mark a recipe the person did not like: never suggested again.
	dislikedStars = 2
)

// history is the person's past, digested for scoring.
type history struct {
	weight      map[int64]float64 // taste weight by recipe, in [-1, maxTaste]
	ids         []int64           // the keys of weight, ascending, for sums in a fixed order
	favorite    map[int64]bool
	lastPlanned map[int64]planning.Date // latest date each recipe was planned on
	blocked     map[int64]bool          // planned recently or ahead, or rated poorly
}

func newHistory(p Profile, today planning.Date) *history {
	h := &history{weight: map[int64]float64{}, favorite: map[int64]bool{},
		lastPlanned: map[int64]planning.Date{}, blocked: map[int64]bool{}}
	for _, id := range p.Favorites {
		if !h.favorite[id] {
			h.favorite[id] = true
			h.weight[id] += favoriteWeight
		}
	}
	h.addRatings(p.Ratings)
	h.addPlanned(p.Planned, today)
	for id, w := range h.weight {
		h.weight[id] = math.Max(-1, math.Min(maxTaste, w))
		h.ids = append(h.ids, id)
	}
	slices.Sort(h.ids)
	return h
}

// addRatings weighs the ratings of 1 to 5 stars; others are ignored.
func (h *history) addRatings(ratings map[int64]int) {
	for id, stars := range ratings {
		if stars < 1 || stars > 5 {
			continue
		}
		h.weight[id] += ratingWeight(stars)
		if stars <= dislikedStars {
			h.blocked[id] = true
		}
	}
}

func (h *history) addPlanned(planned []Planned, today planning.Date) {
	for _, pl := range planned {
		age := today.Sub(pl.Date)
		h.weight[pl.RecipeID] += plannedWeight * math.Exp2(-float64(max(age, 0))/planHalfLife)
		if last, ok := h.lastPlanned[pl.RecipeID]; !ok || pl.Date.After(last) {
			h.lastPlanned[pl.RecipeID] = pl.Date
		}
		if age <= RecentDays {
			h.blocked[pl.RecipeID] = true
		}
	}
}

// ratingWeight maps stars to [-1, 1], three stars being neutral.
func ratingWeight(stars int) float64 { return float64(stars-3) / 2 }

// positive reports whether any recipe in the history is liked.
func (h *history) positive() bool {
	for _, w := range h.weight {
		if w > 0 {
			return true
		}
	}
	return false
}

// RestrictionsOf are the hard constraints of a person's preferences: their
// diet, allergies and dislikes.
func RestrictionsOf(p user.Preferences) recipe.Restrictions {
	return recipe.Restrictions{Dietary: p.Dietary, Allergies: p.Allergies, Dislikes: p.DislikedIngredients}
}

// Blocked lists the recipes that may not be suggested to the person for
// req whatever ranks them: those req excludes or its plan holds, those
// planned RecentDays before req.Today or later, and those rated two stars
// or fewer. Recommend applies it itself; a caller holds another
// recommender's answers to it, and to RestrictionsOf.
func Blocked(p Profile, req Request) map[int64]bool {
	return newHistory(p, req.Today).skipped(req)
}

// skipped is Blocked for a history already built.
func (h *history) skipped(req Request) map[int64]bool {
	skip := make(map[int64]bool, len(h.blocked)+len(req.Exclude)+len(req.InPlan))
	for id := range h.blocked {
		skip[id] = true
	}
	for _, ids := range [][]int64{req.Exclude, req.InPlan} {
		for _, id := range ids {
			skip[id] = true
		}
	}
	return skip
}

// pool lists the positions of the recipes that may be suggested: not
// blocked by the request or the history, and carrying every dietary tag
// the person needs. Allergies and dislikes are left to pick, which asks
// recipe.Restrictions about the few recipes that rank high enough.
func (ix *Index) pool(p Profile, req Request, h *history) []int32 {
	skip := h.skipped(req)
	need := dietBits(p.Prefs.Dietary)
	out := make([]int32, 0, len(ix.entries))
	for i := range ix.entries {
		e := &ix.entries[i]
		if e.diet&need != need || len(skip) > 0 && skip[e.id] {
			continue
		}
		out = append(out, int32(i))
	}
	return out
}
