package generator

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
)

// report measures the finished plan: totals from the recipes themselves
// (kept ones included), the deviation, and one explanation per pick.
func (m *model) report(plan *planning.Plan, pick []int) Result {
	res := Result{Plan: plan, Targets: m.req.Targets, Gaps: m.gaps, UnknownRecipes: m.unknown}
	recipes := m.recipes(pick)
	res.DailyTotals = DailyTotals(plan, recipes, m.req.Targets)
	res.Deviation = Measure(res.DailyTotals, m.req.Targets)
	res.Deviation.Repeats = Repeats(plan)
	uses := map[int64]int{}
	for _, day := range plan.Days {
		for _, s := range day {
			uses[s.RecipeID]++
		}
	}
	for i, o := range pick {
		opt := m.kinds[m.slots[i].kind].opts[o]
		res.Explanations = append(res.Explanations, m.explain(i, opt, res.DailyTotals, uses))
	}
	return res
}

// recipes maps every recipe in the plan, kept or picked, by id.
func (m *model) recipes(pick []int) map[int64]*recipe.Recipe {
	out := make(map[int64]*recipe.Recipe, len(m.known)+len(pick))
	for id, r := range m.known {
		out[id] = r
	}
	for i, o := range pick {
		r := m.cands[m.kinds[m.slots[i].kind].opts[o].cand].r
		out[r.ID] = r
	}
	return out
}

// DailyTotals sums one serving of each planned recipe per day of plan's
// week, Sunday first, and sets each day's energy target from the meals it
// holds; recipes missing from recipes count as nothing.
func DailyTotals(plan *planning.Plan, recipes map[int64]*recipe.Recipe, t Targets) []DayTotals {
	out := make([]DayTotals, 0, planning.DaysPerWeek)
	for _, date := range plan.Dates() {
		day := DayTotals{Date: date}
		var meals []planning.MealType
		for _, meal := range planning.MealTypes() {
			s, ok := plan.Get(date, meal)
			if !ok {
				continue
			}
			meals = append(meals, meal)
			if r := recipes[s.RecipeID]; r != nil {
				day.Nutrients = day.Nutrients.Add(r.Nutrition)
			}
		}
		day.Meals, day.Target = len(meals), dayTarget(t.Calories, meals)
		if day.Target > 0 {
			day.EnergyDeviation = 100 * (day.Nutrients.Calories - day.Target) / day.Target
		}
		out = append(out, day)
	}
	return out
}

// Measure computes the energy and macro deviations of a week's daily
// totals over the days that hold meals; Repeats is left for the caller.
func Measure(days []DayTotals, t Targets) Deviation {
	var dev Deviation
	var week recipe.Nutrients
	planned, target := 0, 0.0
	for _, d := range days {
		if d.Target <= 0 {
			continue
		}
		planned++
		week, target = week.Add(d.Nutrients), target+d.Target
		dev.MeanDailyEnergy += math.Abs(d.EnergyDeviation)
		dev.WorstDailyEnergy = math.Max(dev.WorstDailyEnergy, math.Abs(d.EnergyDeviation))
	}
	if planned == 0 {
		return dev
	}
	dev.MeanDailyEnergy /= float64(planned)
	dev.WeekEnergy = 100 * (week.Calories - target) / target
	p, c, f := macroShares(week.Protein, week.Carbohydrate, week.Fat)
	tp, tc, tf := t.Shares()
	dev.Protein, dev.Carbohydrate, dev.Fat = p-tp, c-tc, f-tf
	dev.Macro = math.Max(math.Abs(dev.Protein), math.Max(math.Abs(dev.Carbohydrate), math.Abs(dev.Fat)))
	return dev
}

// Repeats counts the slots of plan whose recipe an earlier slot (by date,
// then meal type in display order) already has.
func Repeats(plan *planning.Plan) int {
	seen := map[int64]bool{}
	n := 0
	for _, date := range plan.Dates() {
		for _, meal := range planning.MealTypes() {
			if s, ok := plan.Get(date, meal); ok {
				if seen[s.RecipeID] {
					n++
				}
				seen[s.RecipeID] = true
			}
		}
	}
	return n
}

// explain writes why slot i got opt, for example "Chosen for dinner: 640
// kcal brings Tuesday to 1 980 kcal (target 2 000); 38 g protein, 52 g
// carbohydrate, 21 g fat."
func (m *model) explain(i int, opt option, days []DayTotals, uses map[int64]int) Explanation {
	s, kd := m.slots[i], m.kinds[m.slots[i].kind]
	r := m.cands[opt.cand].r
	n := r.Nutrition
	var b strings.Builder
	fmt.Fprintf(&b, "Chosen for %s: %s kcal brings %s to %s kcal (target %s); %.0f g protein, %.0f g carbohydrate, %.0f g fat.",
		kd.meal, thousands(n.Calories), s.date.Weekday(), thousands(days[s.day].Nutrients.Calories),
		thousands(days[s.day].Target), n.Protein, n.Carbohydrate, n.Fat)
	if opt.tier > 0 {
		fmt.Fprintf(&b, " A %s dish: too few %s fit your restrictions and energy target.", strings.ToLower(r.Category), tierNames(kd.meal))
	}
	if n := uses[r.ID]; n > 1 {
		fmt.Fprintf(&b, " Planned %d times this week: too few recipes fit your restrictions and targets.", n)
	}
	return Explanation{Date: s.date, MealType: kd.meal, RecipeID: r.ID, Why: b.String()}
}

// thousands writes a rounded number with a space between thousands ("1 980").
func thousands(x float64) string {
	digits := strconv.FormatInt(int64(math.Round(math.Abs(x))), 10)
	var b strings.Builder
	if x <= -0.5 {
		b.WriteByte('-')
	}
	for i, ch := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(ch)
	}
	return b.String()
}
