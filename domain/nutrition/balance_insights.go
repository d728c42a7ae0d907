package nutrition

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/mealplanner/backend/domain/food"
)

// WellBalancedInsight is said when no rule finds anything to point out.
const WellBalancedInsight = "Well balanced: calories, macros, protein, fibre, sodium, vegetables and variety " +
	"are all on track"

// Thresholds of the insight rules that the score does not already fix.
const (
	// calorieTolerance is how far the average may stray from the calorie
	// target before it is mentioned: closer than the score's first band
	// (25 %), so a deduction always comes with its explanation.
	calorieTolerance = 0.15
	// macroTolerance is the summed distance from idealMacros, in percentage
	// points, above which the split is spelled out (a macro score below 70).
	macroTolerance = 15.0
	// repeatTimes is how often a recipe must recur to be named: twice a week
	// is often deliberate batch cooking, three times is a pattern.
	repeatTimes = 3
)

// insightInput is what the rules read: the tally and the unrounded figures.
type insightInput struct {
	week      *week
	avg       food.Nutrients
	macros    Macros
	calorieSD float64
	targets   Targets
}

// insightRules run in this order, so the list reads the same every time:
// energy first, then nutrients, then the food itself.
var insightRules = []func(*insightInput) []string{
	calorieLevelInsight, calorieSpreadInsight, macroInsight, proteinInsight, fibreInsight, sodiumInsight,
	vegetableInsight, varietyInsight, repeatInsight,
}

// insights applies every rule. The note on empty days is not a finding about
// the food, so it does not stop the week from being called well balanced.
func insights(in *insightInput) []string {
	out := emptyDaysInsight(in)
	found := len(out)
	for _, rule := range insightRules {
		out = append(out, rule(in)...)
	}
	if len(out) == found {
		out = append(out, WellBalancedInsight)
	}
	return out
}

func emptyDaysInsight(in *insightInput) []string {
	var names []string
	for _, d := range in.week.days {
		if d.meals == 0 {
			names = append(names, d.name)
		}
	}
	if len(names) == 0 {
		return nil
	}
	n := len(in.week.planned)
	return []string{fmt.Sprintf("Nothing is planned on %s; the averages cover the %d planned %s",
		joinNames(names), n, plural(n, "day", "days"))}
}

func calorieLevelInsight(in *insightInput) []string {
	avg, target := whole(in.avg.Calories), whole(in.targets.Calories)
	side := ""
	switch {
	case avg < (1-calorieTolerance)*target:
		side = "under"
	case avg > (1+calorieTolerance)*target:
		side = "over"
	default:
		return nil
	}
	return []string{fmt.Sprintf("Calories average %.0f kcal a day, %s the %.0f kcal target", avg, side, target)}
}

// calorieSpreadInsight fires exactly when the score takes its consistency cut.
func calorieSpreadInsight(in *insightInput) []string {
	if !(in.calorieSD > sdModerate) {
		return nil
	}
	lo, hi := in.week.calorieRange()
	return []string{fmt.Sprintf("Daily calories vary from %.0f to %.0f kcal", whole(lo), whole(hi))}
}

func macroInsight(in *insightInput) []string {
	m, ideal := in.macros, idealMacros
	off := math.Abs(m.Protein-ideal.Protein) + math.Abs(m.Carbohydrate-ideal.Carbohydrate) + math.Abs(m.Fat-ideal.Fat)
	if !(off > macroTolerance) {
		return nil
	}
	r := m.rounded()
	return []string{fmt.Sprintf("Energy comes %.0f%% from protein, %.0f%% from carbohydrate and %.0f%% from fat; "+
		"a balanced week is nearer %.0f%%, %.0f%% and %.0f%%", r.Protein, r.Carbohydrate, r.Fat,
		ideal.Protein, ideal.Carbohydrate, ideal.Fat)}
}

func proteinInsight(in *insightInput) []string {
	target := whole(in.targets.Protein)
	var names []string
	for _, d := range in.week.planned {
		if whole(d.total.Protein) < target {
			names = append(names, d.name)
		}
	}
	if len(names) == 0 {
		return nil
	}
	return []string{fmt.Sprintf("Protein is below %.0f g on %s", target, joinNames(names))}
}

func fibreInsight(in *insightInput) []string {
	avg, target := whole(in.avg.Fiber), whole(in.targets.Fiber)
	if avg >= target {
		return nil
	}
	return []string{fmt.Sprintf("Fibre averages %.0f g a day, under the %.0f g target", avg, target)}
}

func sodiumInsight(in *insightInput) []string {
	avg, target := whole(in.avg.Sodium), whole(in.targets.Sodium)
	if avg <= target {
		return nil
	}
	return []string{fmt.Sprintf("Sodium averages %.0f mg a day, over the %.0f mg target", avg, target)}
}

func vegetableInsight(in *insightInput) []string {
	var names []string
	for _, d := range in.week.planned {
		if !d.vegetables {
			names = append(names, d.name)
		}
	}
	if len(names) == 0 {
		return nil
	}
	return []string{"No vegetables on " + joinNames(names)}
}

// varietyInsight fires exactly when the score takes a variety cut.
func varietyInsight(in *insightInput) []string {
	switch n := len(in.week.recipes); {
	case n == 1:
		return []string{"Only one recipe is planned this week"}
	case n < fewRecipes:
		return []string{fmt.Sprintf("Only %d different recipes are planned this week", n)}
	}
	return nil
}

// repeatInsight names the most repeated recipes first; ties keep the order
// in which the recipes first appear in the week.
func repeatInsight(in *insightInput) []string {
	var repeated []recipeCount
	for _, r := range in.week.recipes {
		if r.count >= repeatTimes {
			repeated = append(repeated, r)
		}
	}
	slices.SortStableFunc(repeated, func(a, b recipeCount) int { return cmp.Compare(b.count, a.count) })
	out := make([]string, len(repeated))
	for i, r := range repeated {
		out[i] = fmt.Sprintf("%s is planned %d times", r.label(), r.count)
	}
	return out
}

// label is the recipe's name, or its id when the caller had none to give.
func (r recipeCount) label() string {
	if strings.TrimSpace(r.name) == "" {
		return fmt.Sprintf("Recipe %d", r.id)
	}
	return r.name
}

// whole is the value an insight prints and compares, so that a sentence
// never says "28 g, under the 28 g target".
func whole(x float64) float64 { return math.Round(x) }

// joinNames writes "Monday", "Monday and Friday", "Monday, Tuesday and Friday".
func joinNames(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
