package shopping

import (
	"math"
	"strconv"
	"strings"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/measure"
)

// countSlack forgives float noise before rounding a count up, so that 2
// eggs summed from thirds is 2 and not 3.
const countSlack = 1e-9

// display returns the name, quantity and unit an item shows.
func display(amount float64, g group, f *food.Food, name string, system measure.System) (string, string, string) {
	switch g.dim {
	case measure.Count:
		n := math.Ceil(amount - countSlack)
		qty := strconv.FormatFloat(n, 'f', -1, 64)
		if g.noun != "" {
			return name, qty, pluralNoun(g.noun, n)
		}
		if f != nil && n > 1 {
			return f.PluralName(), qty, ""
		}
		return name, qty, ""
	case measure.Mass, measure.Volume:
		q, u := measure.Friendly(amount, g.dim, system)
		return name, formatAmount(q, u), u.Symbol
	}
	return name, "", ""
}

// formatAmount writes q in u: kitchen fractions for US spoons and cups,
// otherwise one decimal below 10 and whole numbers from 10 up. A positive
// amount never shows as "0".
func formatAmount(q float64, u measure.Unit) string {
	if isKitchenMeasure(u) {
		return u.Format(q)
	}
	if q >= 10 {
		return strconv.FormatFloat(math.Round(q), 'f', -1, 64)
	}
	r := math.Round(q*10) / 10
	if r == 0 && q > 0 {
		r = 0.1
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// isKitchenMeasure reports the US spoons and cups, which read as fractions.
func isKitchenMeasure(u measure.Unit) bool {
	switch u.Symbol {
	case "tsp", "tbsp", "cup", "pint", "quart", "gallon":
		return true
	}
	return false
}

// pluralNoun writes a count noun for n items: "clove", "cloves", "bunches".
func pluralNoun(noun string, n float64) string {
	if n <= 1 {
		return noun
	}
	for _, end := range []string{"s", "x", "ch", "sh"} {
		if strings.HasSuffix(noun, end) {
			return noun + "es"
		}
	}
	if strings.HasSuffix(noun, "f") {
		return strings.TrimSuffix(noun, "f") + "ves"
	}
	return noun + "s"
}
