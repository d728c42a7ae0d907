package nutrition

import (
	"math"
	"testing"
)

// steady is a week that breaks no rule: ideal macros, 7 recipes, 2000 kcal.
func steady() scoreInput {
	return scoreInput{avgCalories: 2000, macros: idealMacros, unique: 7, targetCalories: 2000}
}

func TestScoreRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(*scoreInput)
		want   int
	}{
		{"nothing to deduct", func(*scoreInput) {}, 100},
		{"spread of exactly 300 kcal is fine", func(in *scoreInput) { in.calorieSD = 300 }, 100},
		{"spread above 300 costs 10 before the macro blend", func(in *scoreInput) { in.calorieSD = 300.1 }, 94},
		{"spread of exactly 500 still costs 10", func(in *scoreInput) { in.calorieSD = 500 }, 94},
		{"spread above 500 costs 20", func(in *scoreInput) { in.calorieSD = 500.1 }, 88},
		{"macros 10 points off", func(in *scoreInput) { in.macros = Macros{25, 40, 35} }, 92},
		{"macros 50 points off score nothing", func(in *scoreInput) { in.macros = Macros{15, 30, 55} }, 60},
		{"six recipes cost 10", func(in *scoreInput) { in.unique = 6 }, 90},
		{"five recipes still cost 10", func(in *scoreInput) { in.unique = 5 }, 90},
		{"four recipes cost 30 in all", func(in *scoreInput) { in.unique = 4 }, 70},
		{"1500 kcal is in range", func(in *scoreInput) { in.avgCalories = 1500 }, 100},
		{"below 1500 costs 15", func(in *scoreInput) { in.avgCalories = 1499 }, 85},
		{"1200 kcal costs 15", func(in *scoreInput) { in.avgCalories = 1200 }, 85},
		{"below 1200 costs 30", func(in *scoreInput) { in.avgCalories = 1199 }, 70},
		{"2500 kcal is in range", func(in *scoreInput) { in.avgCalories = 2500 }, 100},
		{"above 2500 costs 15", func(in *scoreInput) { in.avgCalories = 2501 }, 85},
		{"3000 kcal costs 15", func(in *scoreInput) { in.avgCalories = 3000 }, 85},
		{"above 3000 costs 30", func(in *scoreInput) { in.avgCalories = 3001 }, 70},
		{"bands follow the target: 2000 is over 125 % of 1500", func(in *scoreInput) { in.targetCalories = 1500 }, 85},
		{"bands follow the target: 2000 is under 60 % of 3500", func(in *scoreInput) { in.targetCalories = 3500 }, 70},
		{"everything wrong clamps to 0", func(in *scoreInput) {
			*in = scoreInput{calorieSD: 900, avgCalories: 400, macros: Macros{5, 10, 85}, unique: 1, targetCalories: 2000}
		}, 0},
		// 60 + 0.4 × 96.25 − 10 = 88.5, which rounds away from zero (half to
		// even would give 88).
		{"half a point rounds up", func(in *scoreInput) { in.macros, in.unique = Macros{31.875, 40, 30}, 6 }, 89},
		{"NaN calories score 0", func(in *scoreInput) { in.calorieSD = math.NaN(); in.macros.Fat = math.NaN() }, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := steady()
			tt.change(&in)
			if got := score(in); got != tt.want {
				t.Errorf("score(%+v) = %d, want %d", in, got, tt.want)
			}
		})
	}
}

func TestMacroScore(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   Macros
		want float64
	}{
		{"ideal", idealMacros, 100},
		{"each point off costs two", Macros{28, 41, 30}, 94},
		{"over and under count alike", Macros{32, 39, 30}, 94},
		{"floored at zero", Macros{0, 0, 100}, 0},
		{"no energy at all", Macros{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := macroScore(tt.in); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("macroScore(%+v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestRatingOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		score int
		want  Rating
	}{
		{100, Excellent}, {80, Excellent}, {79, Good}, {60, Good}, {59, Fair}, {40, Fair}, {39, Poor}, {0, Poor},
	}
	for _, tt := range tests {
		if got := RatingOf(tt.score); got != tt.want {
			t.Errorf("RatingOf(%d) = %s, want %s", tt.score, got, tt.want)
		}
	}
}
