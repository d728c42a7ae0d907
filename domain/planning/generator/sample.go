package generator

import (
	"cmp"
	"math/rand/v2"
	"slices"

	"github.com/mealplanner/backend/domain/recipe"
)

// Pool sizes: the scan ends once every kind is satisfied: its best tier
// holds poolEnough recipes, or patience recipes have passed since the best
// tier last grew and the pool holds four suitable recipes per slot. A lower
// tier, when a pool needs it, is topped up to lowerEnough; spillCap bounds
// the recipes kept aside, per kind and tier, because their bucket was full.
const (
	poolEnough  = 120
	patience    = 20000
	lowerEnough = 48
	spillCap    = 400
	// maxKinds is the number of meal types, so of kinds.
	maxKinds = 4
)

// sampler builds every kind's pool in one pass over the catalogue.
type sampler struct {
	kinds  []*kind
	x      recipe.Restrictions
	shares [3]float64 // the targets' macro shares
	count  [][tierCount][bucketCount]int
	pools  [][tierCount][]option
	// spill keeps, in scan order, recipes that fit a kind but found their
	// bucket full: a small catalogue needs them all, a large one none.
	spill   [][tierCount][]*recipe.Recipe
	cands   []cand
	index   map[int64]int // allowed recipes → cands
	refused map[int64]bool
	// offered counts the recipes scanned; grew is when each kind's best
	// tier last grew, suitable how many of its recipes suit it.
	offered  int
	grew     []int
	suitable []int
}

// cand is a recipe the search may place, with one serving's totals.
type cand struct {
	r *recipe.Recipe
	n totals
}

func newSampler(kinds []*kind, x recipe.Restrictions, t Targets) *sampler {
	p, c, f := t.Shares()
	return &sampler{kinds: kinds, x: x, shares: [3]float64{p, c, f},
		count: make([][tierCount][bucketCount]int, len(kinds)), pools: make([][tierCount][]option, len(kinds)),
		spill: make([][tierCount][]*recipe.Recipe, len(kinds)), index: map[int64]int{}, refused: map[int64]bool{},
		grew: make([]int, len(kinds)), suitable: make([]int, len(kinds))}
}

// scan offers the catalogue in an order drawn from rng until every kind is
// satisfied (see poolEnough), then finishes each kind's pool.
func (s *sampler) scan(candidates []*recipe.Recipe, rng *rand.Rand) {
	if len(s.kinds) == 0 {
		return
	}
	for _, i := range rng.Perm(len(candidates)) {
		if s.enough() {
			break
		}
		s.offered++
		s.offer(candidates[i])
	}
	for k, kd := range s.kinds {
		kd.opts = s.pool(k)
	}
}

func (s *sampler) enough() bool {
	for k, kd := range s.kinds {
		full := len(s.pools[k][0]) >= poolEnough
		saturated := s.offered-s.grew[k] >= patience && s.suitable[k] >= 4*kd.open
		if !full && !saturated {
			return false
		}
	}
	return true
}

// offer adds r to every kind whose bucket for it still has room, once the
// cheap checks pass and Allows agrees, and sets it aside for the others.
func (s *sampler) offer(r *recipe.Recipe) {
	if !usable(r) || s.seen(r.ID) {
		return
	}
	want, wanted := s.buckets(r)
	if !wanted || !s.allowed(r) {
		return
	}
	for k, b := range want[:len(s.kinds)] {
		if b >= 0 {
			s.count[k][s.kinds[k].tiers.of(r.Category)][b]++
			s.add(k, r)
		}
	}
}

// buckets returns, per kind, the bucket r would join (-1 for none) and
// whether any kind wants it; a kind whose bucket is full sets r aside.
func (s *sampler) buckets(r *recipe.Recipe) (want [maxKinds]int, wanted bool) {
	for k, kd := range s.kinds {
		want[k] = -1
		if kd.maxPrep > 0 && r.PrepTime > kd.maxPrep {
			continue
		}
		tier, b := kd.tiers.of(r.Category), kd.bucket(r, s.shares)
		if s.count[k][tier][b] < capacity(tier, b) {
			want[k], wanted = b, true
		} else if len(s.spill[k][tier]) < spillCap {
			s.spill[k][tier] = append(s.spill[k][tier], r)
		}
	}
	return want, wanted
}

// usable reports whether r may be planned at all: stored, live and of
// known energy.
func usable(r *recipe.Recipe) bool {
	return r != nil && r.ID > 0 && r.DeletedAt == nil && r.Nutrition.Calories > 0
}

func (s *sampler) seen(id int64) bool {
	_, ok := s.index[id]
	return ok || s.refused[id]
}

// allowed asks Allows once per recipe, after surelyRefused.
func (s *sampler) allowed(r *recipe.Recipe) bool {
	if _, ok := s.index[r.ID]; ok {
		return true
	}
	if s.refused[r.ID] || surelyRefused(s.x, r) || !s.x.Allows(r) {
		s.refused[r.ID] = true
		return false
	}
	s.index[r.ID] = len(s.cands)
	s.cands = append(s.cands, cand{r: r, n: totalsOf(r)})
	return true
}

// add puts an allowed recipe into kind k's pool of its tier.
func (s *sampler) add(k int, r *recipe.Recipe) {
	tier := s.kinds[k].tiers.of(r.Category)
	if tier == 0 {
		s.grew[k] = s.offered
	}
	if s.kinds[k].suits(r.Nutrition.Calories) {
		s.suitable[k]++
	}
	s.pools[k][tier] = append(s.pools[k][tier], option{cand: s.index[r.ID], tier: tier, kcal: r.Nutrition.Calories})
}

// pool is kind k's best tier, widened by the next tiers while it holds
// fewer than twice the slots to fill of recipes of a plausible size for the
// meal (see suits), sorted by energy. Each tier used is first topped up
// from what was set aside.
func (s *sampler) pool(k int) []option {
	kd := s.kinds[k]
	var out []option
	suitable := 0
	for tier := range tierCount {
		if suitable >= 2*kd.open {
			break
		}
		enough := lowerEnough
		if tier == 0 {
			enough = poolEnough
		}
		s.topUp(k, tier, enough)
		for _, o := range s.pools[k][tier] {
			if kd.suits(o.kcal) {
				suitable++
			}
		}
		out = append(out, s.pools[k][tier]...)
	}
	slices.SortStableFunc(out, func(a, b option) int {
		if c := cmp.Compare(a.kcal, b.kcal); c != 0 {
			return c
		}
		return cmp.Compare(s.cands[a.cand].r.ID, s.cands[b.cand].r.ID)
	})
	return out
}

// topUp fills kind k's tier from its spill, in scan order, to want recipes.
func (s *sampler) topUp(k, tier, want int) {
	for _, r := range s.spill[k][tier] {
		if len(s.pools[k][tier]) >= want {
			break
		}
		if s.allowed(r) {
			s.add(k, r)
		}
	}
	s.spill[k][tier] = nil
}
