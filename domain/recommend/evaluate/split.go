package evaluate

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recommend"
)

// simStart is the first day of the simulated period.
var simStart = planning.NewDate(2025, time.January, 5)

// trial is one person cut in two: what the recommenders may learn from and
// what they should find.
type trial struct {
	profile recommend.Profile // declared preferences and the training interactions
	seen    []int64           // recipes of the training part, excluded from every list
	targets map[int64]bool    // recipes of the held-out part not seen in training
	today   planning.Date     // the day of the first held-out interaction
	heldOut int
	utility []float64 // the person's hidden utilities, for the oracle only
}

// split holds out the person's latest interactions, the share rounded.
func (w *world) split(p *person, holdOut float64) trial {
	cut := len(p.events) - int(math.Round(holdOut*float64(len(p.events))))
	t := trial{profile: recommend.Profile{Prefs: p.prefs, Ratings: map[int64]int{}},
		targets: map[int64]bool{}, heldOut: len(p.events) - cut, utility: p.utility}
	seen := map[int64]bool{}
	for _, e := range p.events[:cut] {
		id := w.recipes[e.recipe].ID
		seen[id] = true
		switch e.kind {
		case planned:
			t.profile.Planned = append(t.profile.Planned, recommend.Planned{RecipeID: id,
				Date: simStart.AddDays(e.day)})
		case favorited:
			t.profile.Favorites = append(t.profile.Favorites, id)
		case rated:
			t.profile.Ratings[id] = e.stars
		}
	}
	for _, e := range p.events[cut:] {
		if id := w.recipes[e.recipe].ID; !seen[id] {
			t.targets[id] = true
		}
	}
	t.today = simStart.AddDays(simDays)
	if cut < len(p.events) {
		t.today = simStart.AddDays(p.events[cut].day)
	}
	for id := range seen {
		t.seen = append(t.seen, id)
	}
	slices.Sort(t.seen)
	return t
}

// oracle is the ceiling: the k unseen recipes of highest hidden utility,
// which no recommender can know.
func (w *world) oracle(t trial, k int) []int64 {
	var pool []int
	for i, r := range w.recipes {
		if _, seen := slices.BinarySearch(t.seen, r.ID); !seen && !math.IsInf(t.utility[i], -1) {
			pool = append(pool, i)
		}
	}
	slices.SortStableFunc(pool, func(a, b int) int { return cmp.Compare(t.utility[b], t.utility[a]) })
	out := make([]int64, 0, k)
	for _, i := range pool[:min(k, len(pool))] {
		out = append(out, w.recipes[i].ID)
	}
	return out
}

// random is the reference: k recipes drawn uniformly from those the person
// may eat and has not interacted with.
func (w *world) random(t trial, k int, rng *rand.Rand) []int64 {
	allowed := w.allowed(t.profile.Prefs)
	var pool []int64
	for i, r := range w.recipes {
		if _, seen := slices.BinarySearch(t.seen, r.ID); !seen && allowed[i] {
			pool = append(pool, r.ID)
		}
	}
	rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	return pool[:min(k, len(pool))]
}
