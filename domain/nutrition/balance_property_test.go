package nutrition_test

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/nutrition"
)

// randomWeek is 0–7 days of 0–5 meals from 12 recipes, with nutrients from
// nothing at all to several times a sensible meal, and now and then a day
// with no date.
func randomWeek(r *rand.Rand) []nutrition.Day {
	days := make([]nutrition.Day, r.IntN(8))
	for i := range days {
		days[i].Date = weekDates[i]
		if r.IntN(10) == 0 {
			days[i].Date = ""
		}
		for range r.IntN(6) {
			days[i].Meals = append(days[i].Meals, nutrition.PlannedMeal{
				RecipeID: int64(1 + r.IntN(12)), Name: "recipe", Servings: r.IntN(9), Vegetables: r.IntN(2) == 0,
				PerServing: food.Nutrients{Calories: 2500 * r.Float64(), Protein: 120 * r.Float64(),
					Carbohydrate: 300 * r.Float64(), Fat: 120 * r.Float64(), Fiber: 30 * r.Float64(),
					Sugars: 80 * r.Float64(), Sodium: 4000 * r.Float64()},
			})
		}
	}
	return days
}

func randomTargets(r *rand.Rand) nutrition.Targets {
	if r.IntN(2) == 0 {
		return nutrition.Targets{}
	}
	return nutrition.Targets{Calories: 800 + 4000*r.Float64(), Protein: 200 * r.Float64(), Fiber: 60 * r.Float64()}
}

func TestBalanceProperties(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(6, 4))
	for i := range 2000 {
		days, people, targets := randomWeek(r), r.IntN(7), randomTargets(r)
		rep := nutrition.Balance(days, people, targets)
		if rep.Score < 0 || rep.Score > 100 || rep.Rating != nutrition.RatingOf(rep.Score) {
			t.Fatalf("week %d: score %d rated %s", i, rep.Score, rep.Rating)
		}
		if len(rep.Days) != len(days) || len(rep.Insights) == 0 {
			t.Fatalf("week %d: %d days for %d, %d insights", i, len(rep.Days), len(days), len(rep.Insights))
		}
		if !reflect.DeepEqual(rep, nutrition.Balance(days, people, targets)) {
			t.Fatalf("week %d: two runs differ", i)
		}
		checkAverageWithinDays(t, i, rep)
		if people > 0 {
			checkPerPerson(t, i, days, people, targets, rep)
		}
	}
}

// checkAverageWithinDays: a mean of the planned days lies between them.
func checkAverageWithinDays(t *testing.T, week int, rep nutrition.Report) {
	t.Helper()
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, d := range rep.Days {
		if d.MealCount > 0 {
			lo, hi = min(lo, d.Nutrition.Calories), max(hi, d.Nutrition.Calories)
		}
	}
	if rep.PlannedDays > 0 && (rep.WeeklyAverage.Calories < lo-1 || rep.WeeklyAverage.Calories > hi+1) {
		t.Fatalf("week %d: average %v kcal outside the days' %v–%v", week, rep.WeeklyAverage.Calories, lo, hi)
	}
}

// checkPerPerson: doubling every slot's servings and the household changes
// nobody's plate.
func checkPerPerson(t *testing.T, week int, days []nutrition.Day, people int, targets nutrition.Targets,
	rep nutrition.Report) {
	t.Helper()
	doubled := make([]nutrition.Day, len(days))
	for i, d := range days {
		doubled[i] = nutrition.Day{Date: d.Date, Meals: append([]nutrition.PlannedMeal(nil), d.Meals...)}
		for j := range doubled[i].Meals {
			doubled[i].Meals[j].Servings *= 2
		}
	}
	if got := nutrition.Balance(doubled, 2*people, targets); !reflect.DeepEqual(got, rep) {
		t.Fatalf("week %d: doubling servings and people changed the report", week)
	}
}
