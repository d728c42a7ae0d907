package nutrition_test

import (
	"testing"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/nutrition"
)

// BenchmarkBalance measures one full week of 28 meals from 20 recipes; the
// budget is 1 ms.
func BenchmarkBalance(b *testing.B) {
	days := make([]nutrition.Day, len(weekDates))
	for i, date := range weekDates {
		days[i].Date = date
		for k := range 4 {
			id := int64((i*4+k)%20 + 1)
			days[i].Meals = append(days[i].Meals, nutrition.PlannedMeal{RecipeID: id, Name: "Recipe", Servings: 2,
				Vegetables: k%2 == 0, PerServing: food.Nutrients{Calories: 300 + float64(id*37), Protein: 20 + float64(id),
					Carbohydrate: 60, Fat: 15 + float64(k), Fiber: 4, Sugars: 9, Sodium: 500 + float64(id*40)}})
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		nutrition.Balance(days, 2, nutrition.Targets{})
	}
}
