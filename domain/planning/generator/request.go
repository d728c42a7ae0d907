package generator

import (
	"fmt"
	"slices"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
)

// Targets are one person's daily goals: energy in kcal, the macronutrients
// in grams. A zero macronutrient takes its DefaultMacroShares share of the
// energy.
type Targets struct {
	Calories     float64
	Protein      float64
	Carbohydrate float64
	Fat          float64
}

// Energy per gram of each macronutrient, in kcal.
const (
	KcalPerGramProtein      = 4.0
	KcalPerGramCarbohydrate = 4.0
	KcalPerGramFat          = 9.0
)

// DefaultCalories is the daily energy target when a request names none.
const DefaultCalories = 2000.0

// DefaultMacroShares are the shares of energy (protein, carbohydrate, fat)
// that fill in a macronutrient target left at zero: the middle of the usual
// adult ranges.
var DefaultMacroShares = [3]float64{0.20, 0.50, 0.30}

// Bounds on targets, the same as a user's stored nutrition targets.
const (
	MinCalories = 800.0
	MaxCalories = 8000.0
	MaxGrams    = 1000.0
)

// Shares returns the percentages of macronutrient energy that protein,
// carbohydrate and fat make up; all zero when t has no macronutrients.
func (t Targets) Shares() (protein, carbohydrate, fat float64) {
	return macroShares(t.Protein, t.Carbohydrate, t.Fat)
}

// macroShares is the percentage of macronutrient energy from each one.
func macroShares(p, c, f float64) (float64, float64, float64) {
	e := KcalPerGramProtein*p + KcalPerGramCarbohydrate*c + KcalPerGramFat*f
	if e <= 0 {
		return 0, 0, 0
	}
	return 100 * KcalPerGramProtein * p / e, 100 * KcalPerGramCarbohydrate * c / e, 100 * KcalPerGramFat * f / e
}

// withDefaults fills in the energy and any macronutrient left at zero.
func (t Targets) withDefaults() Targets {
	if t.Calories == 0 {
		t.Calories = DefaultCalories
	}
	fill := func(g *float64, share, kcalPerGram float64) {
		if *g == 0 {
			*g = t.Calories * share / kcalPerGram
		}
	}
	fill(&t.Protein, DefaultMacroShares[0], KcalPerGramProtein)
	fill(&t.Carbohydrate, DefaultMacroShares[1], KcalPerGramCarbohydrate)
	fill(&t.Fat, DefaultMacroShares[2], KcalPerGramFat)
	return t
}

// Request asks for a week's plan. Zero values take defaults: every meal
// type, DefaultCalories with DefaultMacroShares, the default household
// servings and no preparation limit.
type Request struct {
	// WeekStart is any day of the week to plan; the week starts on Sunday.
	WeekStart planning.Date
	// MealTypes are the slots to fill on each day of the week.
	MealTypes []planning.MealType
	// Targets are per person per day; each planned slot is one serving of
	// its recipe for that person.
	Targets Targets
	// Restrictions are the hard constraints every pick obeys.
	Restrictions recipe.Restrictions
	// MaxPrepTime limits a meal type's preparation time in minutes; 0 or
	// absent means any.
	MaxPrepTime map[planning.MealType]int
	// Existing is the week's current plan, if any. Its slots of meal types
	// not asked for are always kept; with KeepExisting so are the others.
	Existing     *planning.Plan
	KeepExisting bool
	// Servings is the household size each new slot is planned for.
	Servings int
	// Seed makes the result reproducible: the same seed, request and
	// catalogue give the same plan.
	Seed uint64
	// Now stamps the new slots and the plan.
	Now time.Time
}

// normalise validates r and returns it with defaults filled in, meal types
// deduplicated in display order and the week start moved to its Sunday.
func (r Request) normalise() (Request, error) {
	var fe domain.FieldErrors
	r.WeekStart = r.WeekStart.WeekStart()
	r.MealTypes = normaliseMeals(&fe, r.MealTypes)
	r.Targets = checkTargets(&fe, r.Targets).withDefaults()
	checkPrepTimes(&fe, r.MaxPrepTime)
	if r.Servings == 0 {
		r.Servings = planning.DefaultServings(0)
	} else if err := planning.ValidateServings(r.Servings); err != nil {
		fe.Add("servings", fmt.Sprintf("servings must be between %d and %d", planning.MinServings, planning.MaxServings))
	}
	if r.Existing != nil && !r.Existing.WeekStart.Equal(r.WeekStart) {
		fe.Add("weekStart", "the existing plan is of another week")
	}
	return r, fe.Err()
}

func normaliseMeals(fe *domain.FieldErrors, meals []planning.MealType) []planning.MealType {
	if len(meals) == 0 {
		return planning.MealTypes()
	}
	var out []planning.MealType
	for i, m := range meals {
		if !m.Valid() {
			fe.Add(fmt.Sprintf("mealTypes[%d]", i), "must be one of breakfast, lunch, dinner, snacks")
		}
	}
	for _, m := range planning.MealTypes() {
		if slices.Contains(meals, m) {
			out = append(out, m)
		}
	}
	return out
}

func checkTargets(fe *domain.FieldErrors, t Targets) Targets {
	if t.Calories != 0 && (t.Calories < MinCalories || t.Calories > MaxCalories) {
		fe.Add("targets.calories", fmt.Sprintf("calories must be between %.0f and %.0f", MinCalories, MaxCalories))
	}
	grams := []struct {
		name string
		g    float64
	}{{"protein", t.Protein}, {"carbohydrate", t.Carbohydrate}, {"fat", t.Fat}}
	for _, x := range grams {
		if x.g < 0 || x.g > MaxGrams {
			fe.Add("targets."+x.name, fmt.Sprintf("%s must be between 0 and %.0f g", x.name, MaxGrams))
		}
	}
	return t
}

func checkPrepTimes(fe *domain.FieldErrors, limits map[planning.MealType]int) {
	for _, m := range planning.MealTypes() {
		if minutes := limits[m]; minutes < 0 || minutes > recipe.MaxMinutes {
			fe.Add("maxPrepTime."+string(m), fmt.Sprintf("must be between 0 and %d minutes", recipe.MaxMinutes))
		}
	}
	for m := range limits {
		if !m.Valid() {
			fe.Add("maxPrepTime", "keys must be breakfast, lunch, dinner or snacks")
		}
	}
}
