package generator

import (
	"math/rand/v2"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
)

// model is the fixed part of the problem: the slots to fill, their pools,
// and what the kept slots already put on each day.
type model struct {
	req    Request
	shares [3]float64 // target macro shares, percent
	cands  []cand
	kinds  []*kind
	slots  []slot
	// fixed sums the kept slots of each day; fixedUses counts, per cand,
	// the kept slots that already use it.
	fixed     [planning.DaysPerWeek]totals
	fixedUses []int
	// target is the energy each day's planned meals should provide (see
	// dayTarget), week their sum.
	target [planning.DaysPerWeek]float64
	week   float64
	// known maps the recipe of every kept slot found in the catalogue.
	known   map[int64]*recipe.Recipe
	unknown []int64
	gaps    []Gap
}

// slot is one open place in the plan that a pool can fill.
type slot struct {
	day  int
	date planning.Date
	kind int
}

// newModel finds the open places of plan, samples their pools from the
// catalogue and sums what the kept slots contribute.
func newModel(candidates []*recipe.Recipe, req Request, plan *planning.Plan, rng *rand.Rand) *model {
	p, c, f := req.Targets.Shares()
	m := &model{req: req, shares: [3]float64{p, c, f}, known: map[int64]*recipe.Recipe{}}
	open := m.openPlaces(plan)
	s := newSampler(m.kinds, req.Restrictions, req.Targets)
	s.scan(candidates, rng)
	m.cands = s.cands
	for _, o := range open {
		if len(m.kinds[o.kind].opts) == 0 {
			m.gaps = append(m.gaps, Gap{Date: o.date, MealType: m.kinds[o.kind].meal, Reason: noCandidateReason})
			continue
		}
		m.kinds[o.kind].slots = append(m.kinds[o.kind].slots, len(m.slots))
		m.slots = append(m.slots, o)
	}
	m.sumKept(candidates, plan, s.index)
	m.setTargets(plan)
	return m
}

// setTargets sets each day's energy target from the meals it will hold: the
// kept ones and the open slots that a pool can fill.
func (m *model) setTargets(plan *planning.Plan) {
	var meals [planning.DaysPerWeek][]planning.MealType
	for day, date := range plan.Dates() {
		for _, meal := range planning.MealTypes() {
			if _, ok := plan.Get(date, meal); ok {
				meals[day] = append(meals[day], meal)
			}
		}
	}
	for _, s := range m.slots {
		meals[s.day] = append(meals[s.day], m.kinds[s.kind].meal)
	}
	for day := range meals {
		m.target[day] = dayTarget(m.req.Targets.Calories, meals[day])
		m.week += m.target[day]
	}
}

// noCandidateReason explains an empty slot.
const noCandidateReason = "no recipe in the catalogue fits the restrictions, the preparation time limit " +
	"and has known energy"

// openPlaces lists the requested places plan leaves empty, day by day in
// display order, and makes a kind for each meal type that has any.
func (m *model) openPlaces(plan *planning.Plan) []slot {
	kindOf := map[planning.MealType]int{}
	var open []slot
	for day, date := range plan.Dates() {
		for _, meal := range m.req.MealTypes {
			if _, taken := plan.Get(date, meal); taken {
				continue
			}
			k, ok := kindOf[meal]
			if !ok {
				k = len(m.kinds)
				kindOf[meal] = k
				m.kinds = append(m.kinds, &kind{meal: meal, nominal: m.req.Targets.Calories * dayPart(meal, m.req.MealTypes),
					maxPrep: m.req.MaxPrepTime[meal], tiers: newTierTable(meal)})
			}
			m.kinds[k].open++
			open = append(open, slot{day: day, date: date, kind: k})
		}
	}
	return open
}

// findKept looks up the recipes of plan's slots in the catalogue.
func (m *model) findKept(candidates []*recipe.Recipe, plan *planning.Plan) {
	want := map[int64]bool{}
	for _, day := range plan.Days {
		for _, s := range day {
			want[s.RecipeID] = true
		}
	}
	for _, r := range candidates {
		if len(want) == len(m.known) {
			return
		}
		if r != nil && want[r.ID] && m.known[r.ID] == nil {
			m.known[r.ID] = r
		}
	}
}

// sumKept adds every slot already in plan to its day's fixed totals: one
// serving per slot, whatever the household's servings. A recipe missing
// from the catalogue counts as nothing and is listed in unknown.
func (m *model) sumKept(candidates []*recipe.Recipe, plan *planning.Plan, index map[int64]int) {
	m.fixedUses = make([]int, len(m.cands))
	m.findKept(candidates, plan)
	for day, date := range plan.Dates() {
		for _, meal := range planning.MealTypes() {
			s, ok := plan.Get(date, meal)
			if !ok {
				continue
			}
			r := m.known[s.RecipeID]
			if r == nil {
				m.unknown = append(m.unknown, s.RecipeID)
				continue
			}
			m.fixed[day] = m.fixed[day].plus(totalsOf(r))
			if c, ok := index[s.RecipeID]; ok {
				m.fixedUses[c]++
			}
		}
	}
}
