package nutrition

import "math"

// Rating is the contract's word for a balance score.
type Rating string

// The ratings, from the best band down.
const (
	Excellent Rating = "Excellent" // 80–100
	Good      Rating = "Good"      // 60–79
	Fair      Rating = "Fair"      // 40–59
	Poor      Rating = "Poor"      // below 40
)

// RatingOf reads a rounded score's band.
func RatingOf(score int) Rating {
	switch {
	case score >= 80:
		return Excellent
	case score >= 60:
		return Good
	case score >= 40:
		return Fair
	}
	return Poor
}

// idealMacros is the E6 ideal split of energy the macro score measures
// against.
var idealMacros = Macros{Protein: 30, Carbohydrate: 40, Fat: 30}

// The E6 rules in numbers; Balance documents how they combine.
const (
	sdSevere, sdSevereCut     = 500.0, 20.0 // kcal of standard deviation, points
	sdModerate, sdModerateCut = 300.0, 10.0
	weightKept, weightMacro   = 0.6, 0.4
	// macroPointsPerPP is what one percentage point away from the ideal, on
	// any of the three macros, costs the macro score, so a week 50 points off
	// in total (15 % protein, 30 % carbohydrate, 55 % fat) scores 0. The
	// reference week (about 20/40/30, 10 off) keeps 80 and a typical Western
	// week (15/50/35, 30 off) falls to 40: the spread a 40 % weight needs to
	// move the rating.
	macroPointsPerPP           = 2.0
	fewRecipes, fewRecipesCut  = 7, 10.0
	veryFew, veryFewCut        = 5, 30.0          // in total, not on top of fewRecipesCut
	hardLow, hardHigh, hardCut = 0.60, 1.50, 30.0 // fractions of the calorie target
	softLow, softHigh, softCut = 0.75, 1.25, 15.0
)

// scoreInput is what the score depends on, so it can be checked rule by rule.
type scoreInput struct {
	calorieSD      float64
	avgCalories    float64
	macros         Macros
	unique         int
	targetCalories float64
}

// score applies the E6 rules in their order; the order matters because the
// macro step scales what the consistency step left.
func score(in scoreInput) int {
	s := 100.0
	switch {
	case in.calorieSD > sdSevere:
		s -= sdSevereCut
	case in.calorieSD > sdModerate:
		s -= sdModerateCut
	}
	s = s*weightKept + macroScore(in.macros)*weightMacro
	switch {
	case in.unique < veryFew:
		s -= veryFewCut
	case in.unique < fewRecipes:
		s -= fewRecipesCut
	}
	s -= calorieRangeCut(in.avgCalories, in.targetCalories)
	if !(s > 0) { // also catches NaN
		return 0
	}
	return int(math.Round(min(s, 100)))
}

// macroScore is 100 minus macroPointsPerPP for every percentage point the
// shares stand from idealMacros, summed over the three, floored at 0.
func macroScore(m Macros) float64 {
	off := math.Abs(m.Protein-idealMacros.Protein) + math.Abs(m.Carbohydrate-idealMacros.Carbohydrate) +
		math.Abs(m.Fat-idealMacros.Fat)
	return max(0, 100-macroPointsPerPP*off)
}

// calorieRangeCut scales E6's bands, written for 2000 kcal, to the target.
func calorieRangeCut(avg, target float64) float64 {
	switch {
	case avg < hardLow*target || avg > hardHigh*target:
		return hardCut
	case avg < softLow*target || avg > softHigh*target:
		return softCut
	}
	return 0
}
