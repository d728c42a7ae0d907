package nutrition_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/nutrition"
)

// weekWith is the reference week with each day's totals changed by tweak.
func weekWith(tweak func(day int, n *food.Nutrients)) []nutrition.Day {
	days := referenceWeek()
	for i, date := range weekDates {
		n := food.Nutrients{Calories: referenceCalories[i], Protein: 95, Carbohydrate: 185, Fat: 62, Fiber: 30,
			Sugars: 45, Sodium: 1900}
		tweak(i, &n)
		days[i] = dayOf(date, int64(i+1), n)
	}
	return days
}

// plan sets the recipe of one meal (0 breakfast, 1 lunch, 2 dinner) on some days.
func plan(days []nutrition.Day, meal int, m nutrition.PlannedMeal, on ...int) []nutrition.Day {
	for _, d := range on {
		m.PerServing = days[d].Meals[meal].PerServing
		m.Vegetables, m.Servings = true, 2
		days[d].Meals[meal] = m
	}
	return days
}

var carbonara = nutrition.PlannedMeal{RecipeID: 900, Name: "Spaghetti Carbonara"}

// insightCase is a week and what its insights must, or must not, say.
type insightCase struct {
	name    string
	days    []nutrition.Day
	targets nutrition.Targets
	want    string // a sentence that must be among the insights
	absent  string // a beginning no insight may have
}

func runInsightCases(t *testing.T, tests []insightCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := nutrition.Balance(tt.days, 2, tt.targets).Insights
			if tt.want != "" && !slices.Contains(got, tt.want) {
				t.Errorf("insights %q lack %q", got, tt.want)
			}
			for _, s := range got {
				if tt.absent != "" && strings.HasPrefix(s, tt.absent) {
					t.Errorf("insight %q should not be there", s)
				}
			}
		})
	}
}

func TestInsightsOnEmptyDays(t *testing.T) {
	t.Parallel()
	twoEmpty := referenceWeek()
	twoEmpty[3].Meals, twoEmpty[6].Meals = nil, nil
	runInsightCases(t, []insightCase{
		{name: "named", days: twoEmpty,
			want: "Nothing is planned on Wednesday and Saturday; the averages cover the 5 planned days"},
		{name: "one planned day", days: []nutrition.Day{referenceWeek()[0], {Date: weekDates[1]}},
			want: "Nothing is planned on Monday; the averages cover the 1 planned day"},
		{name: "a full week has none", days: referenceWeek(), absent: "Nothing is planned"},
	})
}

func TestInsightsOnEnergy(t *testing.T) {
	t.Parallel()
	spread := weekWith(func(i int, n *food.Nutrients) {
		switch i {
		case 1:
			n.Calories = 1200
		case 5:
			n.Calories = 2900
		}
	})
	fatty := weekWith(func(_ int, n *food.Nutrients) { n.Calories, n.Protein, n.Carbohydrate, n.Fat = 1860, 60, 150, 110 })
	runInsightCases(t, []insightCase{
		{name: "calories under target", days: weekWith(func(_ int, n *food.Nutrients) { *n = n.Scale(0.7) }),
			want: "Calories average 1310 kcal a day, under the 2000 kcal target"},
		{name: "calories over the user's target", days: referenceWeek(), targets: nutrition.Targets{Calories: 1500},
			want: "Calories average 1871 kcal a day, over the 1500 kcal target"},
		{name: "calories within 15 % of target", days: referenceWeek(), targets: nutrition.Targets{Calories: 1650},
			absent: "Calories average"},
		{name: "calories inconsistent", days: spread, want: "Daily calories vary from 1200 to 2900 kcal"},
		{name: "calories steady", days: referenceWeek(), absent: "Daily calories vary"},
		{name: "macros off balance", days: fatty, want: "Energy comes 13% from protein, 32% from carbohydrate " +
			"and 53% from fat; a balanced week is nearer 30%, 40% and 30%"},
		{name: "macros near the ideal", days: referenceWeek(), absent: "Energy comes"},
	})
}

func TestInsightsOnNutrients(t *testing.T) {
	t.Parallel()
	lowOnTwo := weekWith(func(i int, n *food.Nutrients) {
		if i == 1 || i == 4 {
			n.Protein = 40
		}
	})
	runInsightCases(t, []insightCase{
		{name: "protein low on two days", days: lowOnTwo, want: "Protein is below 50 g on Monday and Thursday"},
		{name: "protein that rounds to the target is not low",
			days: weekWith(func(_ int, n *food.Nutrients) { n.Protein = 49.6 }), absent: "Protein is below"},
		{name: "protein against the user's target", days: referenceWeek(), targets: nutrition.Targets{Protein: 100},
			want: "Protein is below 100 g on Sunday, Monday, Tuesday, Wednesday, Thursday, Friday and Saturday"},
		{name: "low fibre", days: weekWith(func(_ int, n *food.Nutrients) { n.Fiber = 12 }),
			want: "Fibre averages 12 g a day, under the 28 g target"},
		{name: "fibre that rounds to the target", days: weekWith(func(_ int, n *food.Nutrients) { n.Fiber = 27.6 }),
			absent: "Fibre averages"},
		{name: "sodium over target", days: weekWith(func(_ int, n *food.Nutrients) { n.Sodium = 3100 }),
			want: "Sodium averages 3100 mg a day, over the 2300 mg target"},
		{name: "sodium at target", days: weekWith(func(_ int, n *food.Nutrients) { n.Sodium = 2300.4 }),
			absent: "Sodium averages"},
	})
}

func TestInsightsOnFood(t *testing.T) {
	t.Parallel()
	noVeg, oneVeg := referenceWeek(), referenceWeek()
	for i := range noVeg[2].Meals {
		noVeg[2].Meals[i].Vegetables = false
	}
	oneVeg[2].Meals[0].Vegetables, oneVeg[2].Meals[1].Vegetables = false, false
	runInsightCases(t, []insightCase{
		{name: "a day without vegetables", days: noVeg, want: "No vegetables on Tuesday"},
		{name: "one vegetable meal is enough", days: oneVeg, absent: "No vegetables"},
		{name: "few recipes", days: sameMeals(3), want: "Only 3 different recipes are planned this week"},
		{name: "a single recipe", days: sameMeals(1), want: "Only one recipe is planned this week"},
		{name: "seven recipes are enough", days: sameMeals(7), absent: "Only"},
		{name: "a recipe three times", days: plan(referenceWeek(), 2, carbonara, 1, 3, 5),
			want: "Spaghetti Carbonara is planned 3 times"},
		{name: "a recipe twice", days: plan(referenceWeek(), 2, carbonara, 1, 3), absent: "Spaghetti Carbonara"},
	})
}

// sameMeals is a week of three meals a day drawn in turn from n recipes.
func sameMeals(n int) []nutrition.Day {
	days := referenceWeek()
	k := 0
	for _, d := range days {
		for j := range d.Meals {
			d.Meals[j].RecipeID = int64(k%n + 1)
			k++
		}
	}
	return days
}

func TestInsightsComeInRuleOrder(t *testing.T) {
	t.Parallel()
	days := weekWith(func(i int, n *food.Nutrients) {
		n.Fiber, n.Sodium = 15, 2600
		if i == 2 {
			n.Protein = 30
		}
	})
	days[0].Meals = nil
	days = plan(days, 0, nutrition.PlannedMeal{RecipeID: 7}, 1, 2, 3)
	days = plan(days, 2, carbonara, 3, 4, 5, 6)
	for i := range days[4].Meals {
		days[4].Meals[i].Vegetables = false
	}
	want := []string{
		"Nothing is planned on Sunday; the averages cover the 6 planned days",
		"Protein is below 50 g on Tuesday",
		"Fibre averages 15 g a day, under the 28 g target",
		"Sodium averages 2600 mg a day, over the 2300 mg target",
		"No vegetables on Thursday",
		"Spaghetti Carbonara is planned 4 times",
		"Recipe 7 is planned 3 times",
	}
	r := nutrition.Balance(days, 2, nutrition.Targets{})
	if !reflect.DeepEqual(r.Insights, want) {
		t.Errorf("insights\n%q\nwant\n%q", r.Insights, want)
	}
}

func TestEmptyDaysDoNotHideAWellBalancedWeek(t *testing.T) {
	t.Parallel()
	days := referenceWeek()
	days[6].Meals = nil
	want := []string{"Nothing is planned on Saturday; the averages cover the 6 planned days", nutrition.WellBalancedInsight}
	if got := nutrition.Balance(days, 2, nutrition.Targets{}).Insights; !reflect.DeepEqual(got, want) {
		t.Errorf("insights %q, want %q", got, want)
	}
}
