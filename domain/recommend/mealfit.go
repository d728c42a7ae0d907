package recommend

import (
	"strings"

	"github.com/mealplanner/backend/domain/planning"
)

// mealBits are the meal types a recipe's tags name.
type mealBits uint8

const (
	tagBreakfast mealBits = 1 << iota
	tagLunch
	tagDinner
	tagSnacks
)

// mealTagWords are tags that say when a dish is eaten.
var mealTagWords = map[string]mealBits{
	"breakfast": tagBreakfast, "brunch": tagBreakfast | tagLunch, "porridge": tagBreakfast,
	"pancakes": tagBreakfast, "lunch": tagLunch, "sunday lunch": tagLunch, "sandwich": tagLunch,
	"salad": tagLunch, "soup": tagLunch, "bento": tagLunch, "dinner": tagDinner, "roast dinner": tagDinner,
	"date night": tagDinner, "snack": tagSnacks, "snacks": tagSnacks, "party food": tagSnacks,
	"tapas": tagSnacks, "finger food": tagSnacks, "street food": tagSnacks | tagLunch,
}

func mealTags(tags []string) mealBits {
	var bits mealBits
	for _, t := range tags {
		bits |= mealTagWords[strings.ToLower(strings.TrimSpace(t))]
	}
	return bits
}

var mealTagOf = map[planning.MealType]mealBits{planning.Breakfast: tagBreakfast, planning.Lunch: tagLunch,
	planning.Dinner: tagDinner, planning.Snacks: tagSnacks}

// mains are the categories of a main course.
var mains = []string{"Beef", "Chicken", "Goat", "Lamb", "Pork", "Seafood", "Pasta", "Vegan", "Vegetarian",
	"Miscellaneous"}

// categoryFit is how well each category suits each meal, 0–1: breakfast is
// Breakfast; lunch takes lighter mains, starters and sides; dinner is the
// mains; snacks are desserts, starters and sides. A category missing from a
// meal's table fits it with defaultFit.
var categoryFit = map[planning.MealType]map[string]float64{
	planning.Breakfast: {"Breakfast": 1, "Dessert": 0.3, "Side": 0.2, "Vegan": 0.2, "Vegetarian": 0.2,
		"Starter": 0.1},
	planning.Lunch: withMains(0.8, map[string]float64{"Pasta": 1, "Vegan": 1, "Vegetarian": 1, "Seafood": 0.9,
		"Starter": 0.8, "Side": 0.6, "Breakfast": 0.4, "Dessert": 0.1}),
	planning.Dinner: withMains(1, map[string]float64{"Miscellaneous": 0.9, "Side": 0.3, "Starter": 0.3,
		"Breakfast": 0.1, "Dessert": 0.1}),
	planning.Snacks: withMains(0.1, map[string]float64{"Dessert": 1, "Starter": 1, "Side": 0.8,
		"Breakfast": 0.5}),
}

const defaultFit = 0.0

// withMains gives every main course the fit v unless the table says otherwise.
func withMains(v float64, table map[string]float64) map[string]float64 {
	for _, c := range mains {
		if _, ok := table[c]; !ok {
			table[c] = v
		}
	}
	return table
}

// mealOf is the meal being asked for: the request's meal type, else the one
// its hour suggests, else "" (any).
func mealOf(req Request) planning.MealType {
	if req.MealType.Valid() {
		return req.MealType
	}
	meal := planning.MealType("")
	for _, m := range mealHours {
		if req.Hour >= m.from && req.Hour <= 23 {
			meal = m.meal
		}
	}
	return meal
}

// mealHours are the hours each meal starts at; it lasts until the next
// starts: breakfast from 5, lunch from 11, dinner from 17 to 22, snacks in
// between and at night.
var mealHours = []struct {
	from int
	meal planning.MealType
}{{0, planning.Snacks}, {5, planning.Breakfast}, {11, planning.Lunch}, {15, planning.Snacks},
	{17, planning.Dinner}, {22, planning.Snacks}}

// mealFits is categoryFit for the meal, by Index category id.
func (ix *Index) mealFits(meal planning.MealType) []float64 {
	out := make([]float64, len(ix.categories))
	for i, c := range ix.categories {
		fit, ok := categoryFit[meal][c]
		if !ok {
			fit = defaultFit
		}
		out[i] = fit
	}
	return out
}

// mealFit is how well a recipe suits the meal, 0–1: mostly its category
// (byCategory, from mealFits) or its tags, partly its time, since
// breakfast, lunch and snacks are quick.
func mealFit(e *entry, byCategory []float64, meal planning.MealType) float64 {
	fit := defaultFit
	if e.category >= 0 {
		fit = byCategory[e.category]
	}
	if e.meals&mealTagOf[meal] != 0 {
		fit = 1
	}
	return 0.8*fit + 0.2*timeFit(meal, e.total)
}

func timeFit(meal planning.MealType, minutes int) float64 {
	switch {
	case meal == planning.Dinner || minutes <= 30:
		return 1
	case minutes <= 60:
		return 0.6
	}
	return 0.2
}
