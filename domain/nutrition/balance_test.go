package nutrition_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/nutrition"
)

// weekDates is a Sunday-to-Saturday week (2025-01-05 is a Sunday).
var weekDates = []string{"2025-01-05", "2025-01-06", "2025-01-07", "2025-01-08", "2025-01-09", "2025-01-10", "2025-01-11"}

var dayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// referenceCalories are E6's unit-test days.
var referenceCalories = []float64{1800, 1900, 1850, 1900, 1800, 2000, 1850}

// mealShares split a day into breakfast, lunch and dinner.
var mealShares = []float64{0.25, 0.35, 0.40}

// dayOf builds a day whose three meals, each a different recipe with
// vegetables, add up to total (servings 2 for a household of 2).
func dayOf(date string, id int64, total food.Nutrients) nutrition.Day {
	d := nutrition.Day{Date: date}
	for i, share := range mealShares {
		d.Meals = append(d.Meals, nutrition.PlannedMeal{RecipeID: id*10 + int64(i), Name: fmt.Sprintf("Recipe %d-%d", id, i),
			Servings: 2, PerServing: total.Scale(share), Vegetables: true})
	}
	return d
}

// referenceWeek is E6's reference: the daily calories above with 95 g
// protein, 185 g carbohydrate and 62 g fat, plus fibre and sodium on target.
func referenceWeek() []nutrition.Day {
	days := make([]nutrition.Day, len(weekDates))
	for i, date := range weekDates {
		days[i] = dayOf(date, int64(i+1), food.Nutrients{Calories: referenceCalories[i], Protein: 95,
			Carbohydrate: 185, Fat: 62, Fiber: 30, Sugars: 45, Sodium: 1900})
	}
	return days
}

// junkWeek eats the same two takeaways every day: 3400 kcal, little protein,
// half the energy from fat, no fibre to speak of, far too much salt.
func junkWeek() []nutrition.Day {
	pizza := food.Nutrients{Calories: 1900, Protein: 50, Carbohydrate: 200, Fat: 95, Fiber: 8, Sugars: 20, Sodium: 3200}
	burger := food.Nutrients{Calories: 1500, Protein: 45, Carbohydrate: 150, Fat: 85, Fiber: 5, Sugars: 60, Sodium: 2100}
	days := make([]nutrition.Day, len(weekDates))
	for i, date := range weekDates {
		days[i] = nutrition.Day{Date: date, Meals: []nutrition.PlannedMeal{
			{RecipeID: 1, Name: "Pepperoni Pizza", Servings: 1, PerServing: pizza},
			{RecipeID: 2, Name: "Double Cheeseburger", Servings: 1, PerServing: burger},
		}}
	}
	return days
}

func TestBalanceReferenceWeekIsExcellent(t *testing.T) {
	t.Parallel()
	r := nutrition.Balance(referenceWeek(), 2, nutrition.Targets{})
	if r.Score <= 80 || r.Rating != nutrition.Excellent {
		t.Fatalf("score %d %s, want above 80 and Excellent", r.Score, r.Rating)
	}
	// 1871.4 kcal; 95×4, 185×4, 62×9 over it are 20.3, 39.5 and 29.8 %:
	// 10.4 points off, macro score 79.2, 60 + 31.7 = 91.7.
	if r.Score != 92 {
		t.Errorf("score %d, want 92", r.Score)
	}
	if want := (nutrition.Macros{Protein: 20, Carbohydrate: 40, Fat: 30}); r.Macros != want {
		t.Errorf("macros %+v, want %+v", r.Macros, want)
	}
	if r.WeeklyAverage.Calories != 1871 || r.WeeklyAverage.Protein != 95 {
		t.Errorf("weekly average %+v", r.WeeklyAverage)
	}
	if want := (nutrition.Variety{UniqueRecipes: 21}); r.Variety != want {
		t.Errorf("variety %+v, want %+v", r.Variety, want)
	}
	if want := []string{nutrition.WellBalancedInsight}; !reflect.DeepEqual(r.Insights, want) {
		t.Errorf("insights %q, want %q", r.Insights, want)
	}
}

func TestBalanceJunkWeekIsPoor(t *testing.T) {
	t.Parallel()
	r := nutrition.Balance(junkWeek(), 1, nutrition.Targets{})
	if r.Rating != nutrition.Poor || r.Score >= 40 {
		t.Fatalf("score %d %s, want below 40 and Poor", r.Score, r.Rating)
	}
	// 11.2/41.2/47.6 % is 37.6 points off: 60 + 0.4 × 24.8 = 69.9; two
	// recipes −30; 3400 kcal is over 150 % of 2000, −30: 9.9.
	if r.Score != 10 {
		t.Errorf("score %d, want 10", r.Score)
	}
	if want := (nutrition.Variety{UniqueRecipes: 2, RepeatedMeals: 12}); r.Variety != want {
		t.Errorf("variety %+v, want %+v", r.Variety, want)
	}
}

func TestBalanceEmptyPlan(t *testing.T) {
	t.Parallel()
	empty := make([]nutrition.Day, len(weekDates))
	breakdown := make([]nutrition.DayReport, len(weekDates))
	for i, d := range weekDates {
		empty[i] = nutrition.Day{Date: d}
		breakdown[i] = nutrition.DayReport{Date: d, DayName: dayNames[i]}
	}
	tests := []struct {
		name string
		days []nutrition.Day
		want []nutrition.DayReport
	}{
		{"seven empty days", empty, breakdown},
		{"no days at all", nil, []nutrition.DayReport{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			want := nutrition.Report{Days: tt.want, Targets: nutrition.DefaultTargets(), Rating: nutrition.Poor,
				Insights: []string{nutrition.EmptyPlanInsight}}
			if got := nutrition.Balance(tt.days, 2, nutrition.Targets{}); !reflect.DeepEqual(got, want) {
				t.Errorf("report\n%+v\nwant\n%+v", got, want)
			}
		})
	}
}

func TestBalanceBreakdownNamesEveryDay(t *testing.T) {
	t.Parallel()
	days := referenceWeek()
	days[3].Meals = nil
	days = append(days, nutrition.Day{Date: "not a date"})
	r := nutrition.Balance(days, 2, nutrition.Targets{})
	want := append(append([]string(nil), dayNames...), "not a date")
	for i, d := range r.Days {
		if d.DayName != want[i] || d.Date != days[i].Date {
			t.Errorf("day %d is %q %q, want %q %q", i, d.Date, d.DayName, days[i].Date, want[i])
		}
	}
	if r.Days[3].MealCount != 0 || r.Days[2].MealCount != 3 || r.PlannedDays != 6 {
		t.Errorf("meal counts %d/%d, planned %d", r.Days[2].MealCount, r.Days[3].MealCount, r.PlannedDays)
	}
}

func TestBalanceHonoursServings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name             string
		servings, people int
		wantProtein      float64
	}{
		{"one serving each", 4, 4, 30},
		{"double portions", 4, 2, 60},
		{"half portions", 2, 4, 15},
		{"household unknown", 6, 0, 30},
		{"servings unknown", 0, 3, 30},
		{"a third each", 1, 3, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			per := food.Nutrients{Calories: 500, Protein: 30, Sodium: 1}
			meal := nutrition.PlannedMeal{RecipeID: 1, Servings: tt.servings, PerServing: per}
			days := []nutrition.Day{{Date: weekDates[0], Meals: []nutrition.PlannedMeal{meal}}}
			r := nutrition.Balance(days, tt.people, nutrition.Targets{})
			if got := r.Days[0].Nutrition.Protein; got != tt.wantProtein {
				t.Errorf("protein per person %v, want %v", got, tt.wantProtein)
			}
		})
	}
}

func TestBalanceAveragesOnlyPlannedDays(t *testing.T) {
	t.Parallel()
	days := make([]nutrition.Day, len(weekDates))
	for i, d := range weekDates {
		days[i] = nutrition.Day{Date: d}
	}
	days[1] = dayOf(weekDates[1], 1, food.Nutrients{Calories: 2200, Protein: 80, Fiber: 30})
	days[4] = dayOf(weekDates[4], 2, food.Nutrients{Calories: 1800, Protein: 60, Fiber: 20})
	r := nutrition.Balance(days, 2, nutrition.Targets{})
	if r.WeeklyAverage.Calories != 2000 || r.WeeklyAverage.Protein != 70 || r.WeeklyAverage.Fiber != 25 {
		t.Errorf("weekly average %+v, want 2000 kcal, 70 g protein, 25 g fibre", r.WeeklyAverage)
	}
	if r.PlannedDays != 2 {
		t.Errorf("planned days %d, want 2", r.PlannedDays)
	}
}

func TestBalanceRounding(t *testing.T) {
	t.Parallel()
	// One serving shared by three people: every figure is a third.
	per := food.Nutrients{Calories: 2000, Protein: 100, Carbohydrate: 250, Fat: 71, Fiber: 31, Sugars: 0.5, Sodium: 2000}
	days := []nutrition.Day{{Date: weekDates[0], Meals: []nutrition.PlannedMeal{{RecipeID: 1, Servings: 1, PerServing: per}}}}
	targets := nutrition.Targets{Calories: 1999.6, Protein: 50.04, Carbohydrate: 260.06, Fat: 70.25, Fiber: 27.96,
		Sodium: 2300.5}
	r := nutrition.Balance(days, 3, targets)
	wantDay := food.Nutrients{Calories: 667, Protein: 33.3, Carbohydrate: 83.3, Fat: 23.7, Fiber: 10.3, Sugars: 0.2,
		Sodium: 667}
	if r.Days[0].Nutrition != wantDay || r.WeeklyAverage != wantDay {
		t.Errorf("day %+v, average %+v, want %+v", r.Days[0].Nutrition, r.WeeklyAverage, wantDay)
	}
	// 133.3, 333.3 and 213 of 666.7 kcal: 20.0, 50.0 and 31.95 %.
	if want := (nutrition.Macros{Protein: 20, Carbohydrate: 50, Fat: 32}); r.Macros != want {
		t.Errorf("macros %+v, want %+v", r.Macros, want)
	}
	wantTargets := nutrition.Targets{Calories: 2000, Protein: 50, Carbohydrate: 260.1, Fat: 70.3, Fiber: 28, Sodium: 2301}
	if r.Targets != wantTargets {
		t.Errorf("targets %+v, want %+v", r.Targets, wantTargets)
	}
}

// TestBalanceSpreadIsPopulationSD: two days 300 kcal either side of the mean
// have a population standard deviation of exactly 300, which is not above
// the threshold (a sample deviation would be 424 and cost 10 points).
func TestBalanceSpreadIsPopulationSD(t *testing.T) {
	t.Parallel()
	split := func(lo, hi float64) []nutrition.Day {
		// per kcal: 20 % of energy from protein, 40 % carbohydrate, 30 % fat
		per := food.Nutrients{Calories: 1, Protein: 0.05, Carbohydrate: 0.1, Fat: 1.0 / 30, Fiber: 0.014, Sodium: 1}
		return []nutrition.Day{dayOf(weekDates[0], 1, per.Scale(lo)), dayOf(weekDates[1], 2, per.Scale(hi))}
	}
	flat := nutrition.Balance(split(2000, 2000), 2, nutrition.Targets{})
	tests := []struct {
		name     string
		lo, hi   float64
		wantDrop int
	}{
		{"300 either side costs nothing", 1700, 2300, 0},
		{"310 either side costs 10 × 0.6", 1690, 2310, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := nutrition.Balance(split(tt.lo, tt.hi), 2, nutrition.Targets{}); flat.Score-got.Score != tt.wantDrop {
				t.Errorf("score %d against %d for a flat week, want a drop of %d", got.Score, flat.Score, tt.wantDrop)
			}
		})
	}
}

// TestBalanceTargetsMoveTheScore: the calorie bands follow the user's target,
// so the reference week that is Excellent at 2000 kcal is not at 1400.
func TestBalanceTargetsMoveTheScore(t *testing.T) {
	t.Parallel()
	tests := []struct {
		calories   float64
		wantScore  int
		wantRating nutrition.Rating
	}{
		{0, 92, nutrition.Excellent},    // default 2000: 1871 is within 75–125 %
		{1600, 92, nutrition.Excellent}, // 1871 is 117 %
		{1400, 77, nutrition.Good},      // 134 %: −15
		{1200, 62, nutrition.Good},      // 156 %: −30
		{3200, 62, nutrition.Good},      // 58 %: −30
	}
	for _, tt := range tests {
		r := nutrition.Balance(referenceWeek(), 2, nutrition.Targets{Calories: tt.calories})
		if r.Score != tt.wantScore || r.Rating != tt.wantRating {
			t.Errorf("target %v kcal: score %d %s, want %d %s", tt.calories, r.Score, r.Rating, tt.wantScore, tt.wantRating)
		}
	}
}
