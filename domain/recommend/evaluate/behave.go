package evaluate

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"

	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/user"
)

// utilities scores every recipe for the person by their hidden taste;
// recipes their declared restrictions forbid are -Inf: they never choose
// them, whatever a recommender says.
func (w *world) utilities(t taste, p user.Preferences, rng *rand.Rand) []float64 {
	allowed := w.allowed(p)
	out := make([]float64, len(w.recipes))
	for i, r := range w.recipes {
		noise := whim * rng.NormFloat64() // drawn for every recipe, so the stream does not depend on the diet
		if !allowed[i] {
			out[i] = math.Inf(-1)
			continue
		}
		out[i] = t.cuisines[r.Cuisine] + t.categories[r.Category] + t.quality*w.quality[i] + noise
		out[i] += foodAffinity * float64(min(2, favouriteFoods(t, r)))
		if t.impatient && r.TotalTime() > 45 {
			out[i] -= slowPenalty
		}
		if t.skill == "beginner" && r.Difficulty == recipe.Hard {
			out[i] -= hardPenalty
		}
	}
	return out
}

func favouriteFoods(t taste, r *recipe.Recipe) int {
	n := 0
	for _, f := range foodsOf(r) {
		if t.foods[f] {
			n++
		}
	}
	return n
}

// behave plays the person's occasions over the simulated period, in time
// order: mostly planning a meal, which they may then rate and favourite,
// sometimes favouriting a recipe they came across.
func behave(utility []float64, occasions int, rng *rand.Rand) []event {
	choose := chooser(utility)
	if choose == nil {
		return nil
	}
	mean, sd := moments(utility)
	days := make([]int, occasions)
	for i := range days {
		days[i] = rng.IntN(simDays)
	}
	slices.Sort(days)
	favourite := map[int]bool{}
	var out []event
	for _, day := range days {
		r := choose(rng)
		z := (utility[r] - mean) / sd
		if rng.Float64() >= browseShare {
			out = append(out, event{day: day, recipe: r, kind: planned})
			if rng.Float64() < rateShare {
				stars := int(math.Round(3.3 + z + 0.6*rng.NormFloat64()))
				out = append(out, event{day: day, recipe: r, kind: rated, stars: max(1, min(5, stars))})
			}
		}
		// liking it well above the person's average makes a favourite likely
		if !favourite[r] && rng.Float64() < 0.6/(1+math.Exp(-3*(z-1))) {
			favourite[r] = true
			out = append(out, event{day: day, recipe: r, kind: favorited})
		}
	}
	return out
}

// chooser draws recipes with probability proportional to exp(utility/T);
// nil when every recipe is forbidden.
func chooser(utility []float64) func(*rand.Rand) int {
	top := math.Inf(-1)
	for _, u := range utility {
		top = math.Max(top, u)
	}
	if math.IsInf(top, -1) {
		return nil
	}
	cum := make([]float64, len(utility))
	sum := 0.0
	for i, u := range utility {
		sum += math.Exp((u - top) / choiceTemperature) // exp(-Inf) is 0: forbidden recipes are never drawn
		cum[i] = sum
	}
	return func(rng *rand.Rand) int {
		x := rng.Float64() * sum
		// the first total above x; a forbidden recipe never raises the total, so it is never the first
		return min(len(cum)-1, sort.Search(len(cum), func(i int) bool { return cum[i] > x }))
	}
}

// moments are the mean and standard deviation of the finite utilities.
func moments(utility []float64) (mean, sd float64) {
	n, sum, sq := 0.0, 0.0, 0.0
	for _, u := range utility {
		if !math.IsInf(u, 0) {
			n, sum, sq = n+1, sum+u, sq+u*u
		}
	}
	mean = sum / n
	return mean, math.Sqrt(max(sq/n-mean*mean, 1e-9))
}
