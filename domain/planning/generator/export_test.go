package generator

import (
	"math"
	"math/rand/v2"

	"github.com/mealplanner/backend/domain/recipe"
)

// SurelyRefused exposes the cheap pre-check to the tests.
var SurelyRefused = surelyRefused

// Thousands exposes the number format of explanations.
var Thousands = thousands

// DayTarget exposes the energy target of a day's meals.
var DayTarget = dayTarget

// IncrementalDrift builds req's model over candidates, makes random
// replacements and swaps through the incremental deltas, and returns the
// largest gap between the running cost and a recomputation from scratch,
// and how many moves changed the state.
func IncrementalDrift(candidates []*recipe.Recipe, req Request, moves int) (drift float64, changed int, err error) {
	req, err = req.normalise()
	if err != nil {
		return 0, 0, err
	}
	plan, err := startPlan(req)
	if err != nil {
		return 0, 0, err
	}
	rng := rand.New(rand.NewPCG(req.Seed, 1))
	m := newModel(candidates, req, plan, rng)
	st := newState(m, greedy(m))
	for range moves {
		i := rng.IntN(len(st.pick))
		if j := st.partner(i, rng); j >= 0 && rng.IntN(2) == 0 {
			if d := st.swapDelta(i, j); d != 0 {
				st.swap(i, j, d)
				changed++
			}
		} else if o := rng.IntN(len(m.kinds[m.slots[i].kind].opts)); o != st.pick[i] {
			st.replace(i, o, st.replaceDelta(i, o))
			changed++
		}
		drift = math.Max(drift, math.Abs(st.cost-newState(m, st.pick).cost))
	}
	return drift, changed, nil
}
