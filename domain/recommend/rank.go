package recommend

import (
	"math"

	"github.com/mealplanner/backend/domain/recipe"
)

// candidate is a recipe of the pool with its blended score.
type candidate struct {
	at    int32 // position in the index
	k     int32 // position in the pool
	total float64
}

// ranking is a binary max-heap of candidates: higher total first, then
// lower id. Building it is linear, so only the few candidates that make the
// list pay for a logarithmic pop.
type ranking struct {
	ix   *Index
	list []candidate
}

func (r *ranking) before(i, j int) bool {
	a, b := r.list[i], r.list[j]
	if a.total != b.total {
		return a.total > b.total
	}
	return r.ix.entries[a.at].id < r.ix.entries[b.at].id
}

// down moves the candidate at i below those that rank before it.
func (r *ranking) down(i int) {
	for n := len(r.list); ; {
		first, left := i, 2*i+1
		if left < n && r.before(left, first) {
			first = left
		}
		if right := left + 1; right < n && r.before(right, first) {
			first = right
		}
		if first == i {
			return
		}
		r.list[i], r.list[first] = r.list[first], r.list[i]
		i = first
	}
}

func (r *ranking) pop() candidate {
	top, last := r.list[0], len(r.list)-1
	r.list[0] = r.list[last]
	r.list = r.list[:last]
	r.down(0)
	return top
}

// pick returns the best count candidates that the restrictions allow, best
// first. recipe.Restrictions is asked only about those that would make the
// list: it has the last word on every suggestion.
func (ix *Index) pick(pool []int32, totals []float64, x recipe.Restrictions, count int) []candidate {
	r := &ranking{ix: ix, list: make([]candidate, len(pool))}
	for k, at := range pool {
		r.list[k] = candidate{at: at, k: int32(k), total: totals[k]}
	}
	for i := len(r.list)/2 - 1; i >= 0; i-- {
		r.down(i)
	}
	out := make([]candidate, 0, min(count, len(pool)))
	for len(r.list) > 0 && len(out) < count {
		if c := r.pop(); x.Allows(ix.entries[c.at].r) {
			out = append(out, c)
		}
	}
	return out
}

// allocate splits a score of round(100·total) points among the signals in
// proportion to their contributions (largest remainder), so the factors'
// points add up to the score exactly.
func allocate(weights, values [numSignals]float64, total float64) [numSignals]int {
	var points [numSignals]int
	var frac [numSignals]float64
	left := roundPoints(100 * total)
	for i := range weights {
		exact := 100 * weights[i] * values[i]
		points[i] = int(math.Floor(exact))
		frac[i] = exact - float64(points[i])
		left -= points[i]
	}
	for ; left > 0; left-- {
		best := -1
		for i := range frac {
			if frac[i] > 0 && (best < 0 || frac[i] > frac[best]) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		points[best]++
		frac[best] = 0
	}
	return points
}

// roundPoints rounds a 0–100 value to whole points, clamped to that range.
func roundPoints(x float64) int { return max(0, min(100, int(math.Round(x)))) }
