package recommend

import (
	"math"

	"github.com/mealplanner/backend/domain/planning"
)

// The signals a score blends.
const (
	sigTaste       = iota // content similarity to what the person liked
	sigPeople             // co-occurrence: what people with the same choices chose
	sigPopularity         // the prior: what everyone chooses and rates well
	sigPreferences        // favourite cuisines, skill level, maximum prep time
	sigMealFit            // the meal type asked for, or the hour's
	sigNovelty            // not planned lately
	numSignals
)

// baseWeights are each signal's share of the score when all are known;
// they sum to 1. The personal signals lead; popularity is a prior that
// separates otherwise equal recipes. A signal that knows nothing for this
// request (no history, no one's interactions, no meal) drops out and the
// others share its weight, so that a newcomer whose stated preferences
// match a recipe well still sees a high score. The offline evaluation
// (package evaluate) found the ranking insensitive to moderate changes of
// these weights, the floors below and the co-occurrence shrinkage.
var baseWeights = [numSignals]float64{0.30, 0.20, 0.10, 0.15, 0.15, 0.10}

// minKnown is the least total weight the known signals are divided by.
// When little is known (no history, no meal, nothing popular yet) scores
// stay modest instead of every recipe scoring 100.
const minKnown = 0.6

// namedMealWeight replaces the meal fit's weight when the request names the
// meal type: someone asking for breakfast wants breakfast more than they
// want something like last night's curry.
const namedMealWeight = 0.35

// Taste and co-occurrence are relative: the best candidate's value counts
// as full marks, but never less than these floors, so weak evidence is not
// blown up into a perfect match.
const (
	tasteFloor  = 0.35
	peopleFloor = 0.15
)

// Novelty: a recipe never planned is fully new; one planned before
// recovers between RecentDays and noveltyDays; one favourited or rated
// but never planned is half new.
const (
	noveltyDays  = 60
	knownNovelty = 0.5
)

// scorer holds one request's signals for every candidate of the pool.
type scorer struct {
	ix      *Index
	co      *CoOccurrence
	p       Profile
	h       *history
	pool    []int32
	today   planning.Date
	meal    planning.MealType
	hourly  bool // the meal was inferred from the hour
	prefs   prefs
	fits    []float64 // meal fit by category id
	weights [numSignals]float64
	taste   []float64 // raw, by pool position
	people  []float64
	pop     []float64
	scale   [numSignals]float64 // what a raw relative value is divided by
}

func (ix *Index) newScorer(p Profile, co *CoOccurrence, req Request, h *history, pool []int32) *scorer {
	s := &scorer{ix: ix, co: co, p: p, h: h, pool: pool, today: req.Today, meal: mealOf(req),
		hourly: !req.MealType.Valid(), prefs: ix.newPrefs(p.Prefs)}
	s.fits = ix.mealFits(s.meal)
	s.taste = ix.tasteValues(h, pool)
	s.people = ix.peopleValues(h, co, pool)
	s.pop = ix.popularities(co, pool)
	s.scale[sigTaste] = maxOf(s.taste, tasteFloor)
	s.scale[sigPeople] = maxOf(s.people, peopleFloor)
	s.scale[sigPopularity] = maxOf(s.pop, 0)
	known := [numSignals]bool{
		sigTaste:       maxOf(s.taste, 0) > 0,
		sigPeople:      maxOf(s.people, 0) > 0,
		sigPopularity:  s.scale[sigPopularity] > 0,
		sigPreferences: s.prefs.stated(),
		sigMealFit:     s.meal != "",
		sigNovelty:     true,
	}
	s.weights = weigh(known, s.meal != "" && !s.hourly)
	return s
}

// weigh shares the weight of the signals that know nothing among the rest,
// as long as at least minKnown of the weight is known.
func weigh(known [numSignals]bool, namedMeal bool) [numSignals]float64 {
	w := baseWeights
	if namedMeal {
		w[sigMealFit] = namedMealWeight
	}
	all, sum := 0.0, 0.0
	for i := range w {
		all += w[i]
		if !known[i] {
			w[i] = 0
		}
		sum += w[i]
	}
	sum = max(sum, minKnown*all)
	for i := range w {
		w[i] /= sum
	}
	return w
}

// values are candidate k's signals, each 0–1.
func (s *scorer) values(k int) [numSignals]float64 {
	e := &s.ix.entries[s.pool[k]]
	var v [numSignals]float64
	v[sigTaste] = relative(s.taste[k], s.scale[sigTaste])
	v[sigPeople] = relative(s.people[k], s.scale[sigPeople])
	v[sigPopularity] = relative(s.pop[k], s.scale[sigPopularity])
	if s.weights[sigPreferences] > 0 {
		v[sigPreferences] = s.prefs.fit(e)
	}
	if s.meal != "" {
		v[sigMealFit] = mealFit(e, s.fits, s.meal)
	}
	v[sigNovelty] = s.novelty(e.id)
	return v
}

// totals are the candidates' blended scores, each 0–1.
func (s *scorer) totals() []float64 {
	out := make([]float64, len(s.pool))
	for k := range s.pool {
		v := s.values(k)
		for i, w := range s.weights {
			out[k] += w * v[i]
		}
	}
	return out
}

func (s *scorer) novelty(id int64) float64 {
	if last, ok := s.h.lastPlanned[id]; ok {
		days := float64(s.today.Sub(last) - RecentDays)
		return math.Max(0, math.Min(1, days/(noveltyDays-RecentDays)))
	}
	if _, known := s.h.weight[id]; known {
		return knownNovelty
	}
	return 1
}

func relative(v, scale float64) float64 {
	if scale <= 0 || v <= 0 {
		return 0
	}
	return math.Min(1, v/scale)
}

func maxOf(list []float64, floor float64) float64 {
	m := floor
	for _, v := range list {
		m = math.Max(m, v)
	}
	return m
}
