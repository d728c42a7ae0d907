package generator

import (
	"slices"
	"strings"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
)

// totals are one person's summed energy (kcal) and macronutrients (g).
type totals struct{ kcal, p, c, f float64 }

func (t totals) plus(o totals) totals {
	return totals{t.kcal + o.kcal, t.p + o.p, t.c + o.c, t.f + o.f}
}

func (t totals) minus(o totals) totals {
	return totals{t.kcal - o.kcal, t.p - o.p, t.c - o.c, t.f - o.f}
}

func totalsOf(r *recipe.Recipe) totals {
	n := r.Nutrition
	return totals{n.Calories, n.Protein, n.Carbohydrate, n.Fat}
}

// option is one recipe of a meal type's pool.
type option struct {
	cand int // index into model.cands
	tier int
	kcal float64
}

// kind is a meal type with slots to fill and the pool they draw on, sorted
// by energy so that a move can aim at an energy.
type kind struct {
	meal    planning.MealType
	nominal float64 // kcal of the meal type's share of the day
	maxPrep int
	tiers   tierTable
	open    int
	opts    []option
	slots   []int // indexes into model.slots
}

// Pool stratification: energy relative to the kind's nominal share, cut at
// ratioEdges (the first and last buckets hold outliers), times one bucket
// per dominant macronutrient.
var ratioEdges = [...]float64{0.25, 0.5, 0.7, 0.85, 1.0, 1.15, 1.35, 1.7, 3.0}

const (
	macroClasses = 3
	bucketCount  = (len(ratioEdges) + 1) * macroClasses
	// bucketCap bounds each bucket of the best tier, outlierCap its outlier
	// buckets; lower tiers keep lowerCap per bucket.
	bucketCap  = 10
	outlierCap = 3
	lowerCap   = 4
)

// bucket is r's bucket in kind kd: its energy bin, then its macro class.
func (kd *kind) bucket(r *recipe.Recipe, shares [3]float64) int {
	return energyBin(r.Nutrition.Calories/kd.nominal)*macroClasses + macroClass(r, shares)
}

// suits reports whether a recipe of kcal is a plausible size for the kind:
// between half and 1.7 times its share of the day. Many breakfasts of 2 000
// kcal are no breakfasts for a 1 600 kcal day, so they do not keep the
// lighter stand-ins of the next tier out of the pool.
func (kd *kind) suits(kcal float64) bool {
	r := kcal / kd.nominal
	return r >= 0.5 && r < 1.7
}

// capacity is how many recipes a bucket of a tier takes during the scan.
func capacity(tier, bucket int) int {
	bin := bucket / macroClasses
	switch {
	case tier > 0:
		return lowerCap
	case bin == 0 || bin == len(ratioEdges):
		return outlierCap
	}
	return bucketCap
}

func energyBin(ratio float64) int {
	bin := 0
	for bin < len(ratioEdges) && ratio >= ratioEdges[bin] {
		bin++
	}
	return bin
}

// macroClass is the macronutrient whose share of r's energy most exceeds
// its target share.
func macroClass(r *recipe.Recipe, shares [3]float64) int {
	p, c, f := macroShares(r.Nutrition.Protein, r.Nutrition.Carbohydrate, r.Nutrition.Fat)
	excess := [3]float64{p - shares[0], c - shares[1], f - shares[2]}
	best := 0
	for i := 1; i < macroClasses; i++ {
		if excess[i] > excess[best] {
			best = i
		}
	}
	return best
}

// surelyRefused is a cheap subset of the refusals Allows makes: a missing
// dietary tag or a named allergen the recipe carries. Allows folds text on
// every call, which dominates a scan of 100 000 recipes; this check spares
// it most of the recipes it would refuse. Allows still decides.
func surelyRefused(x recipe.Restrictions, r *recipe.Recipe) bool {
	for _, d := range x.Dietary {
		if d = strings.TrimSpace(d); d != "" && !containsFold(r.DietaryTags, d) {
			return true
		}
	}
	for _, a := range x.Allergies {
		if a = strings.TrimSpace(a); recipe.IsAllergen(a) && containsFold(r.Allergens, a) {
			return true
		}
	}
	return false
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
}
