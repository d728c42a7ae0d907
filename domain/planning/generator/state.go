package generator

import (
	"math"

	"github.com/mealplanner/backend/domain/planning"
)

// Weights and bands of the objective (see the package documentation). The
// bands sit inside the requirement's tolerances (±10 % a day, ±5 % over the
// week, ±5 macro points) so that the hinges push before a limit is reached.
const (
	dayBand      = 8.0
	weekBand     = 4.0
	macroBand    = 4.0
	dayHinge     = 50.0
	weekHinge    = 100.0
	knee         = 5.0
	macroSlope   = 3.0
	weekWeight   = 2.0
	repeatWeight = 3000.0
	spreadWeight = 300.0
	tierWeight   = 60.0
)

// state is one assignment of pool options to the model's slots, with the
// sums the objective needs kept up to date move by move.
type state struct {
	m    *model
	pick []int // per slot, an index into its kind's opts
	day  [planning.DaysPerWeek]totals
	week totals
	uses []int // per cand
	cost float64
}

// newState evaluates pick from scratch; the state owns a copy of it.
func newState(m *model, pick []int) *state {
	st := &state{m: m, pick: append([]int(nil), pick...), day: m.fixed, uses: append([]int(nil), m.fixedUses...)}
	for i, o := range st.pick {
		opt := st.opt(i, o)
		st.day[m.slots[i].day] = st.day[m.slots[i].day].plus(m.cands[opt.cand].n)
		st.uses[opt.cand]++
	}
	st.cost = st.objective()
	return st
}

func (st *state) opt(slotIndex, o int) option { return st.m.kinds[st.m.slots[slotIndex].kind].opts[o] }

// objective is the full cost of the state, computed from its sums.
func (st *state) objective() float64 {
	st.week = totals{}
	cost := 0.0
	for d, t := range st.day {
		st.week = st.week.plus(t)
		cost += st.m.dayCost(d, t.kcal)
	}
	cost += st.m.weekCost(st.week)
	for _, u := range st.uses {
		cost += repeatCost(u)
	}
	for i, o := range st.pick {
		cost += tierWeight * float64(st.opt(i, o).tier)
	}
	return cost
}

// dayCost scores one day's energy; a day without meals costs nothing.
func (m *model) dayCost(day int, kcal float64) float64 {
	if m.target[day] <= 0 {
		return 0
	}
	dev := 100 * (kcal - m.target[day]) / m.target[day]
	return dev*dev/planning.DaysPerWeek + dayHinge*excess(dev, dayBand)
}

// weekCost scores the week's average energy and its macro shares.
func (m *model) weekCost(w totals) float64 {
	dev := 0.0
	if m.week > 0 {
		dev = 100 * (w.kcal - m.week) / m.week
	}
	cost := weekWeight*dev*dev + weekHinge*excess(dev, weekBand)
	p, c, f := macroShares(w.p, w.c, w.f)
	for i, share := range [3]float64{p, c, f} {
		d := share - m.shares[i]
		cost += macroCost(d)
	}
	return cost
}

// macroCost is quadratic within macroBand and then linear, macroSlope
// times steeper than the parabola at the band's edge: a target the catalogue
// cannot reach (paleo recipes are low in carbohydrate) still pulls, but can
// never outweigh the energy limits or variety.
func macroCost(d float64) float64 {
	d = math.Abs(d)
	if d <= macroBand {
		return d * d
	}
	return macroBand*macroBand + macroSlope*2*macroBand*(d-macroBand)
}

// excess grows with the square of how far |dev| lies beyond band, then,
// past knee points, linearly: near the band it pushes hard, far beyond it
// (a catalogue that cannot reach the target) it no longer dwarfs variety.
func excess(dev, band float64) float64 {
	x := math.Abs(dev) - band
	switch {
	case x <= 0:
		return 0
	case x <= knee:
		return x * x
	}
	return knee*knee + 2*knee*(x-knee)
}

func repeatCost(uses int) float64 {
	if uses <= 1 {
		return 0
	}
	extra := float64(uses - 1)
	return repeatWeight*extra + spreadWeight*extra*extra
}

// replaceDelta is the change in cost if slot i took option o.
func (st *state) replaceDelta(i, o int) float64 {
	old := st.pick[i]
	if o == old {
		return 0
	}
	a, b := st.opt(i, old), st.opt(i, o)
	if a.cand == b.cand {
		return tierWeight * float64(b.tier-a.tier)
	}
	na, nb := st.m.cands[a.cand].n, st.m.cands[b.cand].n
	d := st.m.slots[i].day
	day := st.day[d].minus(na).plus(nb)
	week := st.week.minus(na).plus(nb)
	delta := st.m.dayCost(d, day.kcal) - st.m.dayCost(d, st.day[d].kcal)
	delta += st.m.weekCost(week) - st.m.weekCost(st.week)
	ua, ub := st.uses[a.cand], st.uses[b.cand]
	delta += repeatCost(ua-1) - repeatCost(ua) + repeatCost(ub+1) - repeatCost(ub)
	return delta + tierWeight*float64(b.tier-a.tier)
}

// replace makes slot i take option o, given the delta replaceDelta gave.
func (st *state) replace(i, o int, delta float64) {
	a, b := st.opt(i, st.pick[i]), st.opt(i, o)
	na, nb := st.m.cands[a.cand].n, st.m.cands[b.cand].n
	d := st.m.slots[i].day
	st.day[d] = st.day[d].minus(na).plus(nb)
	st.week = st.week.minus(na).plus(nb)
	st.uses[a.cand]--
	st.uses[b.cand]++
	st.pick[i] = o
	st.cost += delta
}

// swapDelta is the change in cost if slots i and j, of one kind, traded
// options. Only the two days change: the week, the uses and the tiers stay.
func (st *state) swapDelta(i, j int) float64 {
	di, dj := st.m.slots[i].day, st.m.slots[j].day
	if di == dj {
		return 0
	}
	ni, nj := st.m.cands[st.opt(i, st.pick[i]).cand].n, st.m.cands[st.opt(j, st.pick[j]).cand].n
	dayI, dayJ := st.day[di].minus(ni).plus(nj), st.day[dj].minus(nj).plus(ni)
	return st.m.dayCost(di, dayI.kcal) + st.m.dayCost(dj, dayJ.kcal) -
		st.m.dayCost(di, st.day[di].kcal) - st.m.dayCost(dj, st.day[dj].kcal)
}

// swap trades the options of slots i and j, given swapDelta's delta.
func (st *state) swap(i, j int, delta float64) {
	di, dj := st.m.slots[i].day, st.m.slots[j].day
	ni, nj := st.m.cands[st.opt(i, st.pick[i]).cand].n, st.m.cands[st.opt(j, st.pick[j]).cand].n
	st.day[di] = st.day[di].minus(ni).plus(nj)
	st.day[dj] = st.day[dj].minus(nj).plus(ni)
	st.pick[i], st.pick[j] = st.pick[j], st.pick[i]
	st.cost += delta
}
