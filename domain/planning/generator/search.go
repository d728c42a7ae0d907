package generator

import (
	"math"
	"math/rand/v2"
	"sort"
)

// Search effort: restarts of the annealing from the greedy start, moves per
// restart, and its temperature from hot (most uphill moves of a few points
// accepted) to cold (only improvements).
const (
	restarts  = 4
	moves     = 20000
	hot       = 200.0
	cold      = 0.05
	swapShare = 0.3
	aimShare  = 0.5
	maxPasses = 50
)

// search returns the best assignment found for the model's slots.
func search(m *model, rng *rand.Rand) []int {
	start := greedy(m)
	best := newState(m, start)
	best.descend()
	for range restarts {
		st := newState(m, start)
		st.anneal(rng)
		st = newState(m, st.pick) // drop the drift of many incremental sums
		st.descend()
		if st.cost < best.cost-1e-9 {
			best = st
		}
	}
	return best.pick
}

// greedy fills the slots day by day, giving each the option closest to its
// share of what the day still needs, preferring unused recipes and the
// better tiers.
func greedy(m *model) []int {
	pick := make([]int, len(m.slots))
	uses := append([]int(nil), m.fixedUses...)
	day := m.fixed
	for i, s := range m.slots {
		need := m.target[s.day] - day[s.day].kcal
		aim := need * mealShare[m.kinds[s.kind].meal] / m.openShare(i)
		best, bestScore := 0, math.Inf(1)
		for o, opt := range m.kinds[s.kind].opts {
			dev := 100 * (opt.kcal - aim) / m.req.Targets.Calories
			score := dev*dev + repeatCost(uses[opt.cand]+1) + tierWeight*float64(opt.tier)
			if score < bestScore {
				best, bestScore = o, score
			}
		}
		pick[i] = best
		opt := m.kinds[s.kind].opts[best]
		uses[opt.cand]++
		day[s.day] = day[s.day].plus(m.cands[opt.cand].n)
	}
	return pick
}

// openShare sums the meal shares of slot i and the later slots of its day.
func (m *model) openShare(i int) float64 {
	total := 0.0
	for j := i; j < len(m.slots) && m.slots[j].day == m.slots[i].day; j++ {
		total += mealShare[m.kinds[m.slots[j].kind].meal]
	}
	return total
}

// anneal runs simulated annealing from the state and leaves it at the best
// assignment it met.
func (st *state) anneal(rng *rand.Rand) {
	best, bestCost := append([]int(nil), st.pick...), st.cost
	temp, cooling := hot, math.Pow(cold/hot, 1.0/moves)
	for range moves {
		temp *= cooling
		i := rng.IntN(len(st.pick))
		if j := st.partner(i, rng); j >= 0 && rng.Float64() < swapShare {
			if d := st.swapDelta(i, j); accept(d, temp, rng) {
				st.swap(i, j, d)
			}
		} else {
			o := st.propose(i, rng)
			if d := st.replaceDelta(i, o); accept(d, temp, rng) {
				st.replace(i, o, d)
			}
		}
		if st.cost < bestCost {
			best, bestCost = append(best[:0], st.pick...), st.cost
		}
	}
	copy(st.pick, best)
}

func accept(delta, temp float64, rng *rand.Rand) bool {
	return delta <= 0 || rng.Float64() < math.Exp(-delta/temp)
}

// partner is a random other slot of i's kind, or -1 when there is none.
func (st *state) partner(i int, rng *rand.Rand) int {
	same := st.m.kinds[st.m.slots[i].kind].slots
	if len(same) < 2 {
		return -1
	}
	j := same[rng.IntN(len(same))]
	if j == i {
		return -1
	}
	return j
}

// propose picks a new option for slot i: either any option of its pool, or
// one near the energy that would close its day's gap to the target.
func (st *state) propose(i int, rng *rand.Rand) int {
	opts := st.m.kinds[st.m.slots[i].kind].opts
	if rng.Float64() >= aimShare {
		return rng.IntN(len(opts))
	}
	d := st.m.slots[i].day
	aim := st.opt(i, st.pick[i]).kcal + st.m.target[d] - st.day[d].kcal + rng.NormFloat64()*0.03*st.m.target[d]
	at := sort.Search(len(opts), func(k int) bool { return opts[k].kcal >= aim })
	return min(max(at+rng.IntN(7)-3, 0), len(opts)-1)
}

// descend applies the best single replacement or swap until none improves
// the cost (or maxPasses passes).
func (st *state) descend() {
	for range maxPasses {
		improved := false
		for i := range st.pick {
			best, bestDelta := -1, -1e-9
			for o := range st.m.kinds[st.m.slots[i].kind].opts {
				if d := st.replaceDelta(i, o); d < bestDelta {
					best, bestDelta = o, d
				}
			}
			if best >= 0 {
				st.replace(i, best, bestDelta)
				improved = true
			}
		}
		improved = st.swapPass() || improved
		if !improved {
			return
		}
	}
}

// swapPass applies every improving swap of two slots of one kind.
func (st *state) swapPass() bool {
	improved := false
	for _, kd := range st.m.kinds {
		for a, i := range kd.slots {
			for _, j := range kd.slots[a+1:] {
				if d := st.swapDelta(i, j); d < -1e-9 {
					st.swap(i, j, d)
					improved = true
				}
			}
		}
	}
	return improved
}
