package shopping

import (
	"strings"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/measure"
	"github.com/mealplanner/backend/domain/nutrition"
)

// group is a dimension and, for counts, the count noun ("" for plain items).
type group struct {
	dim  measure.Dimension
	noun string
}

// key names the group inside an Item.Key.
func (g group) key() string {
	switch g.dim {
	case measure.Mass:
		return "mass"
	case measure.Volume:
		return "volume"
	case measure.Count:
		if g.noun == "" {
			return "count"
		}
		return "count:" + g.noun
	}
	return "none"
}

// portion is one scaled ingredient line, in its native group and, when the
// food table allows, in grams.
type portion struct {
	src      Source
	seq      int // position in the plan, for Sources in plan order
	name     string
	measured bool
	native   group
	base     float64
	grams    float64
	weighed  bool
}

// newPortion parses and scales one line for food f (nil when unmatched).
func newPortion(src Source, name string, f *food.Food, factor float64) portion {
	return portionOf(measure.Parse(src.Measure), src, name, f, factor)
}

// portionOf is newPortion for an amount already parsed.
func portionOf(a measure.Amount, src Source, name string, f *food.Food, factor float64) portion {
	p := portion{src: src, name: name}
	if !a.HasQuantity {
		return p
	}
	base, dim := a.Base()
	p.measured, p.base = true, base*factor
	p.native = group{dim: dim}
	if dim == measure.Count {
		p.native.noun = countNoun(a, f)
	}
	if f != nil {
		if g, reason := nutrition.Grams(a, f); reason == "" {
			p.grams, p.weighed = g*factor, true
		}
	}
	return p
}

// countNoun is the noun a count is of, with the food's own unit (and its
// synonyms, as nutrition.Grams reads them) spelled as the table spells it.
func countNoun(a measure.Amount, f *food.Food) string {
	sym := strings.ToLower(a.Unit.Symbol)
	if f == nil {
		return sym
	}
	if strings.EqualFold(sym, f.UnitName) {
		return f.UnitName
	}
	if f.UnitGrams > 0 {
		probe := measure.Amount{Quantity: 1, HasQuantity: true, Unit: a.Unit}
		if _, reason := nutrition.Grams(probe, f); reason == "" {
			return f.UnitName
		}
	}
	return sym
}

// in returns p's amount in the base unit of target, and whether it converts.
func (p portion) in(target group, f *food.Food) (float64, bool) {
	if p.native == target {
		return p.base, true
	}
	if !p.weighed {
		return 0, false
	}
	switch {
	case target.dim == measure.Mass:
		return p.grams, true
	case target.dim == measure.Volume && f.Density > 0:
		return p.grams / f.Density, true
	case target == ownCount(f) && f.UnitGrams > 0:
		return p.grams / f.UnitGrams, true
	}
	return 0, false
}

// ownCount is the group of a food's own unit: "2 eggs", "3 cloves" of garlic.
func ownCount(f *food.Food) group {
	return group{dim: measure.Count, noun: f.UnitName}
}

// normalize folds a name for grouping unmatched ingredients.
func normalize(name string) string {
	return strings.Join(strings.Fields(strings.ToLower(name)), " ")
}
