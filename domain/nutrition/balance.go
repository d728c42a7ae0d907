package nutrition

import (
	"math"
	"time"

	"github.com/mealplanner/backend/domain/food"
)

// PlannedMeal is one filled slot of a plan, as the balance needs it. It says
// nothing about storage: the caller copies the recipe's per-serving
// nutrients and the slot's servings into it.
type PlannedMeal struct {
	RecipeID int64
	Name     string
	// Servings is the slot's number of servings; 0 or less is read as one
	// serving per person.
	Servings int
	// PerServing is what one serving of the recipe provides, as in
	// RecipeNutrition.PerServing.
	PerServing food.Nutrients
	// Vegetables says whether the recipe contains vegetables; HasVegetables
	// decides it from the recipe's food keys.
	Vegetables bool
}

// Day is one calendar day of a plan. Days without meals are passed too, so
// that the breakdown covers the whole week and the insights can name them.
type Day struct {
	Date  string // YYYY-MM-DD
	Meals []PlannedMeal
}

// DayReport is one day of the breakdown; Nutrition is per person, rounded
// by Round.
type DayReport struct {
	Date      string
	DayName   string // "Sunday" …; the date itself when it cannot be parsed
	Nutrition food.Nutrients
	MealCount int
}

// Macros are the shares of a day's energy that come from protein,
// carbohydrate and fat, in percent.
type Macros struct {
	Protein      float64
	Carbohydrate float64
	Fat          float64
}

// Variety counts the recipes of a week. RepeatedMeals is the number of filled
// slots beyond the first of each recipe: meals minus UniqueRecipes.
type Variety struct {
	UniqueRecipes int
	RepeatedMeals int
}

// Report is the nutrition balance of a week, per person.
type Report struct {
	// Days is the breakdown, one entry per input day in input order.
	Days []DayReport
	// WeeklyAverage is the mean over the planned days, rounded by Round.
	WeeklyAverage food.Nutrients
	// Targets are the goals the week was measured against, defaults filled
	// in, at the contract's precision.
	Targets Targets
	// Macros is the distribution of the weekly average, in whole percent.
	Macros Macros
	// Score is the balance score, 0–100; see Balance for the rules.
	Score   int
	Rating  Rating
	Variety Variety
	// Insights are sentences about the real numbers, in a fixed rule order;
	// never empty.
	Insights []string
	// PlannedDays counts the days with at least one meal; 0 means the plan is
	// empty, and then Score is 0, Rating Poor and the one insight says so.
	PlannedDays int
}

// Energy per gram of the macronutrients (Atwater general factors).
const (
	kcalPerGramProtein      = 4
	kcalPerGramCarbohydrate = 4
	kcalPerGramFat          = 9
)

// EmptyPlanInsight is the single insight of a week without meals.
const EmptyPlanInsight = "No meals are planned this week"

// Balance measures a week of planned meals against daily targets, per
// person. people is the household size; each meal gives every person
// PerServing × Servings / people. When people is unknown (0 or less), each
// slot counts as one serving per person, which is what a slot planned at the
// household size means.
//
// The rules, with the parts E6 leaves open decided here:
//   - Averages and the spread of calories use only the days that have meals:
//     an unplanned day is a gap in the plan, not a day of fasting. The
//     insights name the empty days instead.
//   - Macro shares are macro grams × 4/4/9 kcal over the average calories, so
//     alcohol and rounding can make them add up to less or more than 100.
//   - Score: start at 100; subtract 20 when the population standard deviation
//     of daily calories is above 500 kcal, else 10 above 300; then take
//     60 % of that plus 40 % of the macro score, which is 100 minus 2 points
//     per percentage point of distance from 30 % protein, 40 % carbohydrate
//     and 30 % fat (summed over the three, floored at 0); subtract 10 for
//     fewer than 7 different recipes and 30 for fewer than 5; subtract 30
//     when average calories are below 60 % or above 150 % of the calorie
//     target, else 15 below 75 % or above 125 % (for the default 2000 kcal
//     these are E6's 1200/1500/2500/3000). Clamp to 0–100 and round half away
//     from zero; the rating is read from the rounded score.
//   - Everything is computed unrounded; only the report's figures are
//     rounded, and insights compare the whole numbers they print, so a
//     sentence never contradicts itself.
func Balance(days []Day, people int, targets Targets) Report {
	t := targets.OrDefaults()
	w := tallyWeek(days, people)
	r := Report{Days: w.reports(), Targets: t.rounded(), PlannedDays: len(w.planned), Variety: w.variety()}
	if len(w.planned) == 0 {
		r.Rating, r.Insights = Poor, []string{EmptyPlanInsight}
		return r
	}
	avg := w.average()
	macros := macroShares(avg)
	sd := w.calorieSD(avg.Calories)
	r.WeeklyAverage, r.Macros = Round(avg), macros.rounded()
	r.Score = score(scoreInput{calorieSD: sd, avgCalories: avg.Calories, macros: macros,
		unique: r.Variety.UniqueRecipes, targetCalories: t.Calories})
	r.Rating = RatingOf(r.Score)
	r.Insights = insights(&insightInput{week: &w, avg: avg, macros: macros, calorieSD: sd, targets: t})
	return r
}

// macroShares is the distribution of n's energy; all zero when n has none.
func macroShares(n food.Nutrients) Macros {
	if !(n.Calories > 0) {
		return Macros{}
	}
	pct := func(grams, kcalPerGram float64) float64 { return grams * kcalPerGram / n.Calories * 100 }
	return Macros{Protein: pct(n.Protein, kcalPerGramProtein),
		Carbohydrate: pct(n.Carbohydrate, kcalPerGramCarbohydrate), Fat: pct(n.Fat, kcalPerGramFat)}
}

func (m Macros) rounded() Macros {
	return Macros{Protein: math.Round(m.Protein), Carbohydrate: math.Round(m.Carbohydrate), Fat: math.Round(m.Fat)}
}

// dayName is the English weekday of a YYYY-MM-DD date, or the text itself
// when it is not one, so that an insight still names the day somehow.
func dayName(date string) string {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return d.Weekday().String()
}
