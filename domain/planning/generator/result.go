package generator

import (
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
)

// Result is a generated plan and the report that justifies it.
type Result struct {
	// Plan is the existing plan (a copy) or a new one for the week, with the
	// picks added. A new plan has no ID or user: the caller assigns them.
	Plan *planning.Plan
	// DailyTotals are one person's intake on each day of the week, Sunday first.
	DailyTotals []DayTotals
	// Targets are the targets planned for, defaults filled in.
	Targets Targets
	// Deviation measures how far the plan is from the targets.
	Deviation Deviation
	// Explanations say why each new pick was made, in plan order.
	Explanations []Explanation
	// Gaps are requested slots left empty because no recipe fits them.
	Gaps []Gap
	// UnknownRecipes are recipes of kept slots missing from the catalogue;
	// they count as no energy in the totals.
	UnknownRecipes []int64
}

// DayTotals are one person's nutrients on one day: one serving of each
// planned recipe.
type DayTotals struct {
	Date      planning.Date
	Meals     int
	Nutrients recipe.Nutrients
	// Target is the energy the day's meals should provide: the daily
	// target, or the part of it that the planned meal types stand for
	// when main meals are left out (dinner alone is about 37 %).
	Target float64
	// EnergyDeviation is (calories − Target) / Target, in percent; 0 on a
	// day without meals.
	EnergyDeviation float64
}

// Deviation measures a plan against its targets, over the days that hold
// meals. Energy deviations are in percent of the day's target (see
// DayTotals.Target); macro deviations in percentage points of
// macronutrient energy (see Targets.Shares).
type Deviation struct {
	MeanDailyEnergy  float64 // mean of |day − target|
	WorstDailyEnergy float64 // largest |day − target|
	WeekEnergy       float64 // signed: the week's energy − the days' targets
	Protein          float64 // signed: the week's share − target share
	Carbohydrate     float64 // signed
	Fat              float64 // signed
	Macro            float64 // the largest of |Protein|, |Carbohydrate|, |Fat|
	// Repeats counts the slots whose recipe an earlier slot of the week
	// already has.
	Repeats int
}

// Explanation says why a recipe was picked for a slot.
type Explanation struct {
	Date     planning.Date
	MealType planning.MealType
	RecipeID int64
	Why      string
}

// Gap is a requested slot that no recipe could fill.
type Gap struct {
	Date     planning.Date
	MealType planning.MealType
	Reason   string
}

// ErrNoCandidates is returned when slots were requested but no recipe in the
// catalogue fits any of them.
var ErrNoCandidates = &domain.Error{Code: domain.CodeValidation,
	Message: "no recipe in the catalogue fits the restrictions and preparation time limits"}
