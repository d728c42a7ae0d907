package http

import (
	"bytes"
	"encoding/json"
	"math"
	"net/http"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/planning/generator"
)

type generatePlanRequestJSON struct {
	WeekStart    string           `json:"weekStart"`
	MealTypes    []string         `json:"mealTypes"`
	Servings     *int             `json:"servings"`
	Targets      *planTargetsJSON `json:"targets"`
	MaxPrepTime  prepLimitsJSON   `json:"maxPrepTime"`
	KeepExisting *bool            `json:"keepExisting"`
	Budget       *float64         `json:"budget"`
	Seed         *uint64          `json:"seed"`
}

// planTargetsJSON has the keys of a user's nutritionTargets; the others
// (fiber, sodium) are accepted and ignored, as the generator plans energy
// and macronutrients only.
type planTargetsJSON struct {
	Calories     float64 `json:"calories"`
	Protein      float64 `json:"protein"`
	Carbohydrate float64 `json:"carbohydrate"`
	Fat          float64 `json:"fat"`
}

// prepLimitsJSON is maxPrepTime: a number of minutes for every meal type,
// or an object of minutes by meal type. Absent or null leaves it nil.
type prepLimitsJSON map[string]int

var errPrepLimitShape = domain.Invalid("maxPrepTime must be a whole number of minutes or an object by meal type",
	map[string]string{"maxPrepTime": "must be a whole number of minutes or an object by meal type"})

// UnmarshalJSON accepts 30 and {"dinner": 45} alike.
func (p *prepLimitsJSON) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '{' {
		var byMeal map[string]int
		if err := json.Unmarshal(b, &byMeal); err != nil {
			return errPrepLimitShape
		}
		*p = byMeal
		return nil
	}
	var minutes float64
	if err := json.Unmarshal(b, &minutes); err != nil || minutes != math.Trunc(minutes) || math.Abs(minutes) > 1e6 {
		return errPrepLimitShape
	}
	all := prepLimitsJSON{}
	for _, m := range planning.MealTypes() {
		all[string(m)] = int(minutes)
	}
	*p = all
	return nil
}

type generatedPlanJSON struct {
	MealPlan planJSON   `json:"mealPlan"`
	Report   reportJSON `json:"report"`
}

// reportJSON is the generator's account of the plan: one person's daily
// totals against the targets, how far off the week is, why each new pick
// was made, which slots stayed empty and what of the request was not applied.
type reportJSON struct {
	DailyTotals      []dayTotalsJSON   `json:"dailyTotals"`
	Targets          planTargetsJSON   `json:"targets"`
	Deviation        deviationJSON     `json:"deviation"`
	Explanations     []explanationJSON `json:"explanations"`
	Gaps             []gapJSON         `json:"gaps"`
	UnknownRecipeIDs []string          `json:"unknownRecipeIds"`
	Notes            []string          `json:"notes"`
}

type dayTotalsJSON struct {
	Date            string        `json:"date"`
	MealCount       int           `json:"mealCount"`
	Nutrition       nutrientsJSON `json:"nutrition"`
	TargetCalories  int           `json:"targetCalories"`
	EnergyDeviation float64       `json:"energyDeviation"`
}

type deviationJSON struct {
	MeanDailyEnergy  float64 `json:"meanDailyEnergy"`
	WorstDailyEnergy float64 `json:"worstDailyEnergy"`
	WeekEnergy       float64 `json:"weekEnergy"`
	Protein          float64 `json:"protein"`
	Carbohydrate     float64 `json:"carbohydrate"`
	Fat              float64 `json:"fat"`
	Macro            float64 `json:"macro"`
	Repeats          int     `json:"repeats"`
}

type explanationJSON struct {
	Date     string `json:"date"`
	MealType string `json:"mealType"`
	RecipeID string `json:"recipeId"`
	Why      string `json:"why"`
}

type gapJSON struct {
	Date     string `json:"date"`
	MealType string `json:"mealType"`
	Reason   string `json:"reason"`
}

func handleGeneratePlan(svc *app.AI) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[generatePlanRequestJSON](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		gen, err := svc.GeneratePlan(r.Context(), principalFrom(r.Context()), in.toQuery())
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, generatedPlanJSON{MealPlan: newPlanJSON(gen.Plan), Report: toReportJSON(gen)})
	}
}

func (in generatePlanRequestJSON) toQuery() app.GeneratePlanQuery {
	q := app.GeneratePlanQuery{WeekStart: in.WeekStart, MealTypes: in.MealTypes, Servings: in.Servings,
		MaxPrepTime: in.MaxPrepTime, KeepExisting: in.KeepExisting, Budget: in.Budget, Seed: in.Seed}
	if in.Targets != nil {
		t := app.PlanTargets(*in.Targets)
		q.Targets = &t
	}
	return q
}

func toReportJSON(g app.GeneratedPlan) reportJSON {
	t := g.Targets
	out := reportJSON{DailyTotals: make([]dayTotalsJSON, 0, len(g.DailyTotals)),
		Targets: planTargetsJSON{Calories: math.Round(t.Calories), Protein: oneDecimal(t.Protein),
			Carbohydrate: oneDecimal(t.Carbohydrate), Fat: oneDecimal(t.Fat)},
		Deviation:    toDeviationJSON(g.Deviation),
		Explanations: make([]explanationJSON, 0, len(g.Explanations)), Gaps: make([]gapJSON, 0, len(g.Gaps)),
		UnknownRecipeIDs: make([]string, 0, len(g.UnknownRecipes)), Notes: nonNil(g.Notes)}
	for _, d := range g.DailyTotals {
		out.DailyTotals = append(out.DailyTotals, dayTotalsJSON{Date: d.Date.String(), MealCount: d.Meals,
			Nutrition: toNutrientsJSON(d.Nutrients), TargetCalories: int(math.Round(d.Target)),
			EnergyDeviation: signedOneDecimal(d.EnergyDeviation)})
	}
	for _, e := range g.Explanations {
		out.Explanations = append(out.Explanations, explanationJSON{Date: e.Date.String(), MealType: string(e.MealType),
			RecipeID: recipeIDString(e.RecipeID), Why: e.Why})
	}
	for _, gap := range g.Gaps {
		out.Gaps = append(out.Gaps, gapJSON{Date: gap.Date.String(), MealType: string(gap.MealType), Reason: gap.Reason})
	}
	for _, id := range g.UnknownRecipes {
		out.UnknownRecipeIDs = append(out.UnknownRecipeIDs, recipeIDString(id))
	}
	return out
}

func toDeviationJSON(d generator.Deviation) deviationJSON {
	return deviationJSON{MeanDailyEnergy: signedOneDecimal(d.MeanDailyEnergy),
		WorstDailyEnergy: signedOneDecimal(d.WorstDailyEnergy), WeekEnergy: signedOneDecimal(d.WeekEnergy),
		Protein: signedOneDecimal(d.Protein), Carbohydrate: signedOneDecimal(d.Carbohydrate),
		Fat: signedOneDecimal(d.Fat), Macro: signedOneDecimal(d.Macro), Repeats: d.Repeats}
}

// signedOneDecimal rounds to one decimal and never returns -0, which JSON
// would print as "-0".
func signedOneDecimal(x float64) float64 {
	if r := oneDecimal(x); r != 0 {
		return r
	}
	return 0
}
