package nutrition

import (
	"math"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/measure"
)

// Source names where the per-100 g values come from.
const Source = "USDA FoodData Central (typical values)"

// Keys are the contract's nutrient keys, in its order.
var Keys = []string{"calories", "protein", "carbohydrate", "fat", "fiber", "sugars", "sodium"}

// Line is the account of one ingredient line: counted with its grams and
// nutrients, or not counted with a reason.
type Line struct {
	Name, Measure string
	Counted       bool
	Grams         float64
	Food          *food.Food // the matched food; set for counted lines and for NoPortion
	Nutrients     food.Nutrients
	Reason        Reason
}

// Ingredient is what the computation needs of a recipe line.
type Ingredient struct {
	Name    string
	Measure string
}

// RecipeNutrition is a recipe's nutrients with the coverage behind them.
type RecipeNutrition struct {
	Totals     food.Nutrients // whole recipe
	PerServing food.Nutrients
	Servings   int
	Lines      []Line
	Counted    int
	// Incomplete names the keys whose totals miss a real amount of food.
	// Lines without an amount ("salt to taste") are taken as negligible;
	// a food that was not matched or not weighable makes every key a lower
	// bound, so then all keys are listed.
	Incomplete []string
}

// ForRecipe weighs every line through the food table and adds up what it can.
func ForRecipe(lines []Ingredient, servings int, table *food.Table) RecipeNutrition {
	out := RecipeNutrition{Servings: max(servings, 1), Lines: make([]Line, 0, len(lines)), Incomplete: []string{}}
	missing := false
	for _, in := range lines {
		l := weighLine(in, table)
		if l.Counted {
			out.Counted++
			out.Totals = out.Totals.Add(l.Nutrients)
		} else if l.Reason != Unmeasurable {
			missing = true
		}
		out.Lines = append(out.Lines, l)
	}
	if missing {
		out.Incomplete = append(out.Incomplete, Keys...)
	}
	out.PerServing = out.Totals.Scale(1 / float64(out.Servings))
	return out
}

func weighLine(in Ingredient, table *food.Table) Line {
	l := Line{Name: in.Name, Measure: in.Measure}
	amount := measure.Parse(in.Measure)
	f, ok := table.Match(in.Name)
	if !ok {
		l.Reason = NoMatch
		if !amount.HasQuantity && amount.Alt == nil {
			l.Reason = Unmeasurable
		}
		return l
	}
	l.Food = f
	g, reason := Grams(amount, f)
	if reason != "" {
		l.Reason = reason
		return l
	}
	l.Counted, l.Grams = true, g
	l.Nutrients = f.Per100g.Scale(g / 100)
	return l
}

// Round gives nutrients the contract's precision: whole kcal and mg, grams
// to one decimal.
func Round(n food.Nutrients) food.Nutrients {
	one := func(x float64) float64 { return math.Round(x*10) / 10 }
	return food.Nutrients{Calories: math.Round(n.Calories), Protein: one(n.Protein), Carbohydrate: one(n.Carbohydrate),
		Fat: one(n.Fat), Fiber: one(n.Fiber), Sugars: one(n.Sugars), Sodium: math.Round(n.Sodium)}
}
