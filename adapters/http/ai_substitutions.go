package http

import (
	"net/http"

	"github.com/mealplanner/backend/app"
)

type substitutionRequestJSON struct {
	IngredientName  string               `json:"ingredientName"`
	UserPreferences *dietPreferencesJSON `json:"userPreferences"`
	// RecipeID is a pointer so that an absent id (no recipe) differs from a
	// malformed one, which reads as 0 and is refused.
	RecipeID *planRecipeID `json:"recipeId"`
}

type dietPreferencesJSON struct {
	Dietary   []string `json:"dietary"`
	Allergies []string `json:"allergies"`
}

// substitutionJSON is one alternative. dietaryCompatible is the boolean the
// frontend expects; diets lists every dietary value the alternative suits.
type substitutionJSON struct {
	Substitute        string              `json:"substitute"`
	Food              string              `json:"food"`
	ConversionRatio   string              `json:"conversionRatio"`
	Impact            string              `json:"impact"`
	Reason            string              `json:"reason"`
	DietaryCompatible bool                `json:"dietaryCompatible"`
	Diets             []string            `json:"diets"`
	NutritionImpact   nutritionImpactJSON `json:"nutritionImpact"`
}

// nutritionImpactJSON is the substitute's food minus the original's, per 100 g.
type nutritionImpactJSON struct {
	Calories int     `json:"calories"`
	Protein  float64 `json:"protein"`
	Fat      float64 `json:"fat"`
}

func handleSubstitutions(svc *app.AI) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[substitutionRequestJSON](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		subs, err := svc.Substitutions(r.Context(), principalFrom(r.Context()), in.toQuery())
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, toSubstitutionsJSON(subs))
	}
}

func (in substitutionRequestJSON) toQuery() app.SubstitutionQuery {
	q := app.SubstitutionQuery{IngredientName: in.IngredientName}
	if p := in.UserPreferences; p != nil {
		q.Preferences = &app.DietPreferences{Dietary: p.Dietary, Allergies: p.Allergies}
	}
	if in.RecipeID != nil {
		id := int64(*in.RecipeID)
		q.RecipeID = &id
	}
	return q
}

// toSubstitutionsJSON never returns nil: an unknown ingredient is [].
func toSubstitutionsJSON(subs []app.Substitution) []substitutionJSON {
	out := make([]substitutionJSON, 0, len(subs))
	for _, s := range subs {
		out = append(out, substitutionJSON{Substitute: s.Name, Food: s.Food, ConversionRatio: s.Ratio,
			Impact: s.Impact, Reason: s.Reason, DietaryCompatible: s.DietaryCompatible, Diets: nonNil(s.Dietary),
			NutritionImpact: nutritionImpactJSON(s.Nutrition)})
	}
	return out
}
