package generator

import (
	"slices"

	"github.com/mealplanner/backend/domain/planning"
)

// mealShare is each meal type's typical share of a day's energy. Only the
// ratios matter (see dayPart).
var mealShare = map[planning.MealType]float64{
	planning.Breakfast: 25,
	planning.Lunch:     35,
	planning.Dinner:    35,
	planning.Snacks:    10,
}

// mainMeals are the meals that make up a day when nothing else is planned.
var mainMeals = []planning.MealType{planning.Breakfast, planning.Lunch, planning.Dinner}

// dayPart is the part of the daily energy target that meal m provides on a
// day whose plan holds meals: m's mealShare over the shares of meals and of
// the main meals it lacks. A main meal left out is taken to be eaten
// elsewhere, snacks left out are not eaten at all: breakfast, lunch and
// dinner alone split the whole target 26:37:37, with snacks they give 90 %
// and snacks 10 %, and dinner alone is 37 % of the day.
func dayPart(m planning.MealType, meals []planning.MealType) float64 {
	return mealShare[m] / dayWhole(meals)
}

// dayWhole sums the shares of meals and of the main meals they lack.
func dayWhole(meals []planning.MealType) float64 {
	total := 0.0
	for _, x := range planning.MealTypes() {
		if slices.Contains(meals, x) || slices.Contains(mainMeals, x) {
			total += mealShare[x]
		}
	}
	return total
}

// dayTarget is the energy that meals should provide out of a daily target.
func dayTarget(calories float64, meals []planning.MealType) float64 {
	part := 0.0
	for _, m := range meals {
		part += mealShare[m]
	}
	return calories * part / dayWhole(meals)
}

// mains are the catalogue categories of a main course.
var mains = []string{"Beef", "Chicken", "Goat", "Lamb", "Pasta", "Pork", "Seafood", "Vegan", "Vegetarian",
	"Miscellaneous"}

// mealTiers says how well each category suits a meal type: tier 0 is the
// natural fit, tier 1 a lighter or plainer stand-in (a starter for
// breakfast, a breakfast dish for a snack), and every other category is
// tier 2, the last resort. The catalogue's categories are TheMealDB's,
// which has no lunch or snack category, so lunch and dinner draw on the
// mains and snacks on sides, starters and desserts.
var mealTiers = map[planning.MealType][2][]string{
	planning.Breakfast: {{"Breakfast"}, {"Starter", "Side", "Dessert"}},
	planning.Lunch:     {mains, {"Starter", "Side", "Breakfast"}},
	planning.Dinner:    {mains, {"Starter", "Side"}},
	planning.Snacks:    {{"Side", "Starter", "Dessert"}, {"Breakfast"}},
}

// tierCount is the number of fit tiers.
const tierCount = 3

// tierTable maps a category to its tier for one meal type; categories it
// does not name are in the last tier.
type tierTable map[string]int

func newTierTable(m planning.MealType) tierTable {
	t := tierTable{}
	for tier, cats := range mealTiers[m] {
		for _, c := range cats {
			t[c] = tier
		}
	}
	return t
}

// of returns the tier of a category.
func (t tierTable) of(category string) int {
	if tier, ok := t[category]; ok {
		return tier
	}
	return tierCount - 1
}

// tierNames describes the natural fit of a meal type for explanations
// ("Breakfast recipes").
func tierNames(m planning.MealType) string {
	switch m {
	case planning.Breakfast:
		return "breakfast recipes"
	case planning.Snacks:
		return "sides, starters and desserts"
	}
	return "main courses"
}
