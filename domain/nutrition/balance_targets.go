package nutrition

import "math"

// Targets are daily goals per person: calories in kcal, sodium in mg, the
// rest in grams. Calories is a level to stay near, protein and fibre are
// floors, sodium is a ceiling; carbohydrate and fat are reported for
// comparison only, the macro split being judged by shares of energy. The fields
// match user.NutritionTargets one for one, so a user's targets convert with
// nutrition.Targets(*prefs.NutritionTargets).
type Targets struct {
	Calories     float64
	Protein      float64
	Carbohydrate float64
	Fat          float64
	Fiber        float64
	Sodium       float64
}

// DefaultTargets are the US Daily Values for adults on a 2000 kcal diet
// (FDA, 2016 label rule): one consistent, published set in which every
// figure assumes the same energy intake, the intake E6's calorie bands
// centre on. Protein 50 g is a floor, not an ideal; sodium
// 2300 mg is the upper limit; fibre 28 g is 14 g per 1000 kcal.
func DefaultTargets() Targets {
	return Targets{Calories: 2000, Protein: 50, Carbohydrate: 275, Fat: 78, Fiber: 28, Sodium: 2300}
}

// OrDefaults fills every missing goal (zero, negative or NaN) from
// DefaultTargets, so a user who set only calories still gets a sodium
// check. A goal of zero protein or sodium is not a goal anyone means.
func (t Targets) OrDefaults() Targets {
	d := DefaultTargets()
	return Targets{
		Calories:     orDefault(t.Calories, d.Calories),
		Protein:      orDefault(t.Protein, d.Protein),
		Carbohydrate: orDefault(t.Carbohydrate, d.Carbohydrate),
		Fat:          orDefault(t.Fat, d.Fat),
		Fiber:        orDefault(t.Fiber, d.Fiber),
		Sodium:       orDefault(t.Sodium, d.Sodium),
	}
}

func orDefault(x, d float64) float64 {
	if x > 0 && !math.IsInf(x, 1) {
		return x
	}
	return d
}

// rounded gives the targets the contract's precision, as Round does for
// nutrients.
func (t Targets) rounded() Targets {
	one := func(x float64) float64 { return math.Round(x*10) / 10 }
	return Targets{Calories: math.Round(t.Calories), Protein: one(t.Protein), Carbohydrate: one(t.Carbohydrate),
		Fat: one(t.Fat), Fiber: one(t.Fiber), Sodium: math.Round(t.Sodium)}
}
