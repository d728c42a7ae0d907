package nutrition

import (
	"math"

	"github.com/mealplanner/backend/domain/food"
)

// week is the per-person tally of a plan that the score and the insights
// read.
type week struct {
	days    []dayTally
	planned []*dayTally // the days with meals, in input order
	recipes []recipeCount
	meals   int
}

type dayTally struct {
	date, name string
	total      food.Nutrients // per person, unrounded
	meals      int
	vegetables bool
}

// recipeCount is how often one recipe is planned; recipes keep the order in
// which they first appear, so insights about them come out the same every time.
type recipeCount struct {
	id    int64
	name  string
	count int
}

func tallyWeek(days []Day, people int) week {
	w := week{days: make([]dayTally, len(days))}
	for i, d := range days {
		t := &w.days[i]
		t.date, t.name = d.Date, dayName(d.Date)
		for _, m := range d.Meals {
			t.total = t.total.Add(m.PerServing.Scale(portions(m, people)))
			t.meals++
			t.vegetables = t.vegetables || m.Vegetables
			w.countRecipe(m)
		}
		if t.meals > 0 {
			w.planned = append(w.planned, t)
		}
	}
	return w
}

// portions is how many servings of a meal each person eats.
func portions(m PlannedMeal, people int) float64 {
	if people <= 0 || m.Servings <= 0 {
		return 1
	}
	return float64(m.Servings) / float64(people)
}

// countRecipe searches linearly: a week holds at most a few dozen meals,
// and a slice keeps first-appearance order without a second structure.
func (w *week) countRecipe(m PlannedMeal) {
	w.meals++
	for i := range w.recipes {
		if w.recipes[i].id == m.RecipeID {
			w.recipes[i].count++
			return
		}
	}
	w.recipes = append(w.recipes, recipeCount{id: m.RecipeID, name: m.Name, count: 1})
}

func (w *week) variety() Variety {
	return Variety{UniqueRecipes: len(w.recipes), RepeatedMeals: w.meals - len(w.recipes)}
}

func (w *week) reports() []DayReport {
	out := make([]DayReport, len(w.days))
	for i, d := range w.days {
		out[i] = DayReport{Date: d.date, DayName: d.name, Nutrition: Round(d.total), MealCount: d.meals}
	}
	return out
}

// average is the mean of the planned days; the caller ensures there is one.
func (w *week) average() food.Nutrients {
	var sum food.Nutrients
	for _, d := range w.planned {
		sum = sum.Add(d.total)
	}
	return sum.Scale(1 / float64(len(w.planned)))
}

// calorieSD is the population standard deviation of the planned days'
// calories: the week is the whole population being judged, not a sample of
// some longer diet.
func (w *week) calorieSD(mean float64) float64 {
	var ss float64
	for _, d := range w.planned {
		ss += (d.total.Calories - mean) * (d.total.Calories - mean)
	}
	return math.Sqrt(ss / float64(len(w.planned)))
}

// calorieRange is the lowest and highest calories of a planned day.
func (w *week) calorieRange() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, d := range w.planned {
		lo, hi = min(lo, d.total.Calories), max(hi, d.total.Calories)
	}
	return lo, hi
}
