package recipe

import (
	"slices"
	"strings"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/measure"
	"github.com/mealplanner/backend/domain/nutrition"
)

// DietaryValues are the contract's dietary tags, in its order.
var DietaryValues = []string{"Vegetarian", "Vegan", "Pescatarian", "Gluten-Free", "Dairy-Free", "Nut-Free", "Keto", "Low-Carb", "Paleo"}

// Carbohydrate limits per serving for the nutrition-based tags. A single
// ingredient does not decide them: a spoon of flour in a sauce does not stop a
// stew from being low in carbohydrate, the total does.
const (
	KetoNetCarbsMax = 10.0 // g of carbohydrate minus fibre
	LowCarbMax      = 20.0 // g of carbohydrate
)

// Analyse derives everything the ingredient lines imply: each line's parsed
// quantity, unit, food and shopping section, the dietary tags that hold, the
// allergens present and the nutrition per serving.
func Analyse(r *Recipe, table *food.Table) {
	lines := make([]nutrition.Ingredient, len(r.Ingredients))
	for i := range r.Ingredients {
		parseLine(&r.Ingredients[i], table)
		lines[i] = nutrition.Ingredient{Name: r.Ingredients[i].Name, Measure: r.Ingredients[i].Measure}
	}
	n := nutrition.ForRecipe(lines, r.Servings, table)
	r.Nutrition = nutrition.Round(n.PerServing)
	foods, unmatched := ingredientFoods(n)
	r.Allergens = allergens(foods, unmatched)
	r.DietaryTags = dietaryTags(r, foods, unmatched, len(n.Incomplete) == 0)
}

func parseLine(in *Ingredient, table *food.Table) {
	a := measure.Parse(in.Measure)
	in.Quantity, in.Unit, in.Note = nil, "", a.Note
	if a.HasQuantity {
		q := a.Quantity
		in.Quantity, in.Unit = &q, a.Unit.Symbol
	}
	in.Food, in.Section = "", "Other"
	if f, ok := table.Match(in.Name); ok {
		in.Food, in.Section = f.Key, f.Section
	}
}

func ingredientFoods(n nutrition.RecipeNutrition) (foods []*food.Food, unmatched []string) {
	for _, l := range n.Lines {
		if l.Food != nil {
			foods = append(foods, l.Food)
		} else {
			unmatched = append(unmatched, strings.ToLower(l.Name))
		}
	}
	return foods, unmatched
}

// allergens lists, in the contract's order, the allergens of the matched
// foods and those that an unmatched ingredient's name gives away.
func allergens(foods []*food.Food, unmatched []string) []string {
	found := map[string]bool{}
	for _, f := range foods {
		for _, a := range f.Allergens() {
			found[a] = true
		}
	}
	for _, name := range unmatched {
		for _, a := range allergenHints(name) {
			found[a] = true
		}
	}
	out := []string{}
	for _, a := range allergenOrder {
		if found[a] {
			out = append(out, a)
		}
	}
	return out
}

var allergenOrder = []string{"Peanuts", "Tree Nuts", "Shellfish", "Fish", "Eggs", "Dairy", "Soy", "Gluten", "Sesame"}

// dietaryTags keeps the dietary values that no ingredient breaks. The
// carbohydrate-based ones also need complete nutrition, since a total that
// misses a food proves nothing.
func dietaryTags(r *Recipe, foods []*food.Food, unmatched []string, complete bool) []string {
	out := []string{}
	for _, d := range DietaryValues {
		if brokenBy(d, foods, unmatched) {
			continue
		}
		switch d {
		case "Keto":
			if !complete || r.Nutrition.Carbohydrate-r.Nutrition.Fiber > KetoNetCarbsMax {
				continue
			}
		case "Low-Carb":
			if !complete || r.Nutrition.Carbohydrate > LowCarbMax {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

func brokenBy(dietary string, foods []*food.Food, unmatched []string) bool {
	carbBased := dietary == "Keto" || dietary == "Low-Carb"
	for _, f := range foods {
		if !carbBased && f.Breaks(dietary) {
			return true
		}
	}
	for _, name := range unmatched {
		if slices.Contains(dietHints(name), dietary) {
			return true
		}
	}
	return false
}
