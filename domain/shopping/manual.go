package shopping

import (
	"strconv"
	"strings"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/measure"
)

// AddManual adds what a person typed to a list. The section comes from the
// food table (Other when no food matches). When an unchecked item of the same
// food exists and the quantity converts to its unit (the same dimension and
// count noun, or through the food's density or unit weight), that item absorbs
// the quantity and records it as a source with RecipeID 0; without a quantity
// (0) such an item is returned unchanged rather than duplicated. Otherwise a
// manual item is appended. A checked item never absorbs: it is already in the
// basket. The returned Item is the one added or updated.
func AddManual(items []Item, name string, quantity float64, unit string, table *food.Table) ([]Item, Item) {
	name = strings.TrimSpace(name)
	f := match(table, name)
	a, u := typedAmount(quantity, unit)
	src := Source{Measure: strings.TrimSpace(formatManual(quantity, u) + " " + unitLabel(u, quantity))}
	p := portionOf(a, src, name, f, 1)
	for i, it := range items {
		if it.Checked || !sameFood(it, f, name) {
			continue
		}
		if !p.measured {
			return items, it
		}
		if v, ok := p.in(groupOf(it), f); ok && it.Dimension != measure.Unmeasured {
			items[i] = absorb(it, v, src, f)
			return items, items[i]
		}
	}
	it := manualItem(p, f, name, u, quantity)
	items = append(items, it)
	sortItems(items)
	return items, it
}

// typedAmount reads a quantity and unit as a person typed them: a known unit
// in any spelling, or any other word as a count noun ("bag"). A quantity of 0
// is no amount at all; u is the unit typed either way.
func typedAmount(quantity float64, unit string) (a measure.Amount, u measure.Unit) {
	u, known := measure.LookupUnit(unit)
	if !known {
		u = measure.Unit{Symbol: strings.ToLower(strings.TrimSpace(unit)), Dimension: measure.Count, ToBase: 1}
	}
	a = measure.Amount{Quantity: quantity, HasQuantity: quantity > 0, Unit: u}
	if !a.HasQuantity {
		a.Unit = measure.Unit{}
	}
	return a, u
}

// sameFood reports whether it is about the food (or unmatched name) typed.
func sameFood(it Item, f *food.Food, name string) bool {
	if f != nil {
		return it.Food == f.Key
	}
	return it.Food == "" && normalize(it.Name) == normalize(name)
}

// groupOf reads an item's group back from its Key.
func groupOf(it Item) group {
	g := it.Key[strings.LastIndexByte(it.Key, '|')+1:]
	switch {
	case g == "mass":
		return group{dim: measure.Mass}
	case g == "volume":
		return group{dim: measure.Volume}
	case g == "count":
		return group{dim: measure.Count}
	case strings.HasPrefix(g, "count:"):
		return group{dim: measure.Count, noun: strings.TrimPrefix(g, "count:")}
	}
	return group{}
}

// absorb adds v base units to it and shows it again in the unit system its
// current unit belongs to.
func absorb(it Item, v float64, src Source, f *food.Food) Item {
	it.Amount += v
	it.Sources = append(append([]Source(nil), it.Sources...), src)
	name := it.Name
	if !it.Manual && f != nil {
		name = f.Key
	}
	it.Name, it.Quantity, it.Unit = display(it.Amount, groupOf(it), f, name, systemOf(it.Unit))
	if it.Manual {
		it.Name = name
	}
	return it
}

// systemOf guesses the unit system from a displayed unit; only US units say so.
func systemOf(unit string) measure.System {
	switch unit {
	case "oz", "lb", "tsp", "tbsp", "cup", "pint", "quart", "gallon", "fl oz":
		return measure.US
	}
	return measure.Metric
}

// manualItem is a new item as typed, in the unit typed.
func manualItem(p portion, f *food.Food, name string, u measure.Unit, quantity float64) Item {
	key := normalize(name)
	it := Item{Name: name, Section: food.SectionOther, Manual: true}
	if f != nil {
		key, it.Food, it.Section = f.Key, f.Key, f.Section
	}
	if p.measured {
		it.Amount, it.Dimension = p.base, p.native.dim
		it.Quantity, it.Unit = formatManual(quantity, u), unitLabel(u, quantity)
	}
	it.Key = "manual:" + key + "|" + p.native.key()
	return it
}

// unitLabel is how a typed unit shows next to q: a known count noun in the
// plural when q calls for it ("2 cloves"); any other unit as typed.
func unitLabel(u measure.Unit, q float64) string {
	if u.Dimension != measure.Count || u.Symbol == "" || q <= 1 {
		return u.Symbol
	}
	if known, ok := measure.LookupUnit(u.Symbol); ok && known.Symbol == u.Symbol {
		return pluralNoun(u.Symbol, q)
	}
	return u.Symbol
}

// formatManual writes a typed quantity back without float noise; "" for none.
func formatManual(q float64, u measure.Unit) string {
	switch {
	case q <= 0:
		return ""
	case u.Dimension == measure.Count:
		return strconv.FormatFloat(q, 'f', -1, 64)
	}
	return formatAmount(q, u)
}
