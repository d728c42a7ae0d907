package http

import (
	"net/http"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain/nutrition"
)

// weekRefJSON names a week by plan id or by a date of the week.
type weekRefJSON struct {
	MealPlanID string `json:"mealPlanId"`
	WeekStart  string `json:"weekStart"`
}

type balanceJSON struct {
	MealPlanID        *string          `json:"mealPlanId"`
	WeekStart         string           `json:"weekStart"`
	DailyBreakdown    []balanceDayJSON `json:"dailyBreakdown"`
	WeeklyAverage     nutrientsJSON    `json:"weeklyAverage"`
	Targets           targetsJSON      `json:"targets"`
	MacroDistribution macrosJSON       `json:"macroDistribution"`
	BalanceScore      int              `json:"balanceScore"`
	Rating            string           `json:"rating"`
	Insights          []string         `json:"insights"`
	Variety           varietyJSON      `json:"variety"`
	PlannedDays       int              `json:"plannedDays"`
}

type balanceDayJSON struct {
	Date      string        `json:"date"`
	DayName   string        `json:"dayName"`
	Nutrition nutrientsJSON `json:"nutrition"`
	MealCount int           `json:"mealCount"`
}

type macrosJSON struct {
	Protein      float64 `json:"protein"`
	Carbohydrate float64 `json:"carbohydrate"`
	Fat          float64 `json:"fat"`
}

type varietyJSON struct {
	UniqueRecipes int `json:"uniqueRecipes"`
	RepeatedMeals int `json:"repeatedMeals"`
}

func handleNutritionBalance(svc *app.AI) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[weekRefJSON](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		b, err := svc.NutritionBalance(r.Context(), principalFrom(r.Context()), app.WeekRef(in))
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, toBalanceJSON(b))
	}
}

func toBalanceJSON(b app.WeekBalance) balanceJSON {
	rep := b.Report
	out := balanceJSON{MealPlanID: optionalString(b.MealPlanID), WeekStart: b.WeekStart.String(),
		DailyBreakdown: make([]balanceDayJSON, 0, len(rep.Days)), WeeklyAverage: toNutrientsJSON(rep.WeeklyAverage),
		Targets: toTargetsJSON(rep.Targets), MacroDistribution: macrosJSON(rep.Macros), BalanceScore: rep.Score,
		Rating: string(rep.Rating), Insights: nonNil(rep.Insights), Variety: varietyJSON(rep.Variety),
		PlannedDays: rep.PlannedDays}
	for _, d := range rep.Days {
		out.DailyBreakdown = append(out.DailyBreakdown, balanceDayJSON{Date: d.Date, DayName: d.DayName,
			Nutrition: toNutrientsJSON(d.Nutrition), MealCount: d.MealCount})
	}
	return out
}

// toTargetsJSON writes the goals with the keys of a user's nutritionTargets.
func toTargetsJSON(t nutrition.Targets) targetsJSON { return targetsJSON(t) }

// optionalString is nil (JSON null) for "".
func optionalString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
