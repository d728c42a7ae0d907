// Package nutrition computes what food provides: a recipe's nutrients from
// its ingredient lines, with an honest account of what could not be counted.
package nutrition

import (
	"strings"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/measure"
)

// Reason says why an ingredient line was not counted.
type Reason string

// The reasons of the contract.
const (
	// Unmeasurable: the line gives no amount ("to taste").
	Unmeasurable Reason = "unmeasurable"
	// NoMatch: no food in the table matches the ingredient name.
	NoMatch Reason = "noMatch"
	// NoPortion: the amount cannot be turned into grams for that food (a
	// volume without a known density, a count without a known unit weight).
	NoPortion Reason = "noPortion"
)

// sizeFactors scale a food's typical unit weight for a stated size. The table
// gives the weight of a medium item; the factors follow USDA's egg and
// produce size grades closely enough for nutrition totals.
var sizeFactors = map[string]float64{
	"small": 0.8, "medium": 1, "large": 1.2, "extra large": 1.35, "jumbo": 1.5,
}

// Grams weighs an amount of a food. It never guesses: when the table lacks
// what a conversion needs, it says so with a reason instead.
func Grams(a measure.Amount, f *food.Food) (float64, Reason) {
	if alt := a.Alt; alt != nil {
		if g, reason := Grams(*alt, f); reason == "" {
			return g, ""
		}
	}
	if !a.HasQuantity {
		return 0, Unmeasurable
	}
	base, dim := a.Base()
	switch dim {
	case measure.Mass:
		return base, ""
	case measure.Volume:
		if f.Density > 0 {
			return base * f.Density, ""
		}
	case measure.Count:
		if countsAsUnit(a.Unit.Symbol, f) && f.UnitGrams > 0 {
			return base * f.UnitGrams * sizeFactor(a.Size), ""
		}
	}
	return 0, NoPortion
}

// unitSynonyms are count nouns that name the same portion as the food
// table's unit: a rasher of bacon is its slice, a stick or rib of celery its stalk.
var unitSynonyms = map[string]string{"rasher": "slice", "stick": "stalk", "rib": "stalk"}

// countsAsUnit reports whether a count noun means one of the food's units:
// "2 eggs" (no noun), "3 cloves" of garlic, "1 can" of chickpeas.
func countsAsUnit(symbol string, f *food.Food) bool {
	if syn, ok := unitSynonyms[strings.ToLower(symbol)]; ok && strings.EqualFold(syn, f.UnitName) {
		return true
	}
	return symbol == "" || strings.EqualFold(symbol, f.UnitName)
}

func sizeFactor(size string) float64 {
	if f, ok := sizeFactors[strings.ToLower(size)]; ok {
		return f
	}
	return 1
}
