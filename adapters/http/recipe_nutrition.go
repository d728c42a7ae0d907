package http

import (
	"math"
	"net/http"
	"unicode"
	"unicode/utf8"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/nutrition"
)

// errNutritionUnavailable is the contract's text, which the frontend shows as is.
var errNutritionUnavailable = &domain.Error{Code: domain.CodeUnavailable,
	Message: "nutrition is temporarily unavailable, please try again shortly"}

type recipeNutritionJSON struct {
	RecipeID    string              `json:"recipeId"`
	Source      string              `json:"source"`
	PerServing  nutrientsJSON       `json:"perServing"`
	Totals      nutrientsJSON       `json:"totals"`
	Servings    int                 `json:"servings"`
	Incomplete  []string            `json:"incomplete"`
	Coverage    coverageJSON        `json:"coverage"`
	Ingredients []nutritionLineJSON `json:"ingredients"`
}

type coverageJSON struct {
	Counted int `json:"counted"`
	Total   int `json:"total"`
}

// nutritionLineJSON uses pointers so that a known 0 (water's calories) keeps
// its key while an unknown value has none: the frontend prints "0 kcal" for
// the one and nothing for the other.
type nutritionLineJSON struct {
	Name     string       `json:"name"`
	Measure  string       `json:"measure"`
	Status   string       `json:"status"`
	Grams    *float64     `json:"grams,omitempty"`
	Food     *foodRefJSON `json:"food,omitempty"`
	Calories *int         `json:"calories,omitempty"`
	Reason   string       `json:"reason,omitempty"`
}

type foodRefJSON struct {
	ID          string `json:"id"`
	Description string `json:"description"`
}

func handleRecipeNutrition(cat *app.Catalogue) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathRecipeID(r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		n, err := cat.Nutrition(r.Context(), id)
		if domain.IsCode(err, domain.CodeUnavailable) {
			err = errNutritionUnavailable
		}
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, toRecipeNutritionJSON(n))
	}
}

func toRecipeNutritionJSON(n app.RecipeNutrition) recipeNutritionJSON {
	lines := make([]nutritionLineJSON, 0, len(n.Lines))
	for _, l := range n.Lines {
		lines = append(lines, toNutritionLineJSON(l))
	}
	return recipeNutritionJSON{RecipeID: recipeIDString(n.RecipeID), Source: nutrition.Source,
		PerServing: toNutrientsJSON(n.PerServing), Totals: toNutrientsJSON(n.Totals), Servings: n.Servings,
		Incomplete: nonNil(n.Incomplete), Coverage: coverageJSON{Counted: n.Counted, Total: len(n.Lines)},
		Ingredients: lines}
}

// toNutritionLineJSON keeps a not-counted line to its reason: the matched
// food of a noPortion line is left out, as the contract has it.
func toNutritionLineJSON(l nutrition.Line) nutritionLineJSON {
	out := nutritionLineJSON{Name: l.Name, Measure: l.Measure}
	if !l.Counted || l.Food == nil {
		out.Status, out.Reason = "notCounted", string(l.Reason)
		return out
	}
	grams := oneDecimal(l.Grams)
	kcal := int(math.Round(l.Nutrients.Calories))
	out.Status, out.Grams, out.Calories = "counted", &grams, &kcal
	out.Food = &foodRefJSON{ID: l.Food.Key, Description: foodDescription(l.Food)}
	return out
}

// foodDescription is the readable name of a food: its key, capitalised.
func foodDescription(f *food.Food) string {
	first, size := utf8.DecodeRuneInString(f.Key)
	if size == 0 {
		return ""
	}
	return string(unicode.ToUpper(first)) + f.Key[size:]
}
