package evaluate

import (
	"fmt"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/planning/generator"
	"github.com/mealplanner/backend/domain/recipe"
)

// Profile is a synthetic person the evaluation plans a week for.
type Profile struct {
	Name         string
	MealTypes    []planning.MealType // nil: all four
	Targets      generator.Targets
	Restrictions recipe.Restrictions
	MaxPrepTime  map[planning.MealType]int
}

// split is a macronutrient split, as shares of energy.
type split struct{ protein, carbohydrate, fat float64 }

// The splits the profiles use: the generator's default, a high-protein
// one, and the usual ketogenic, low-carbohydrate and paleo ones.
var (
	balanced    = split{0.20, 0.50, 0.30}
	highProtein = split{0.30, 0.40, 0.30}
	ketogenic   = split{0.20, 0.05, 0.75}
	lowCarb     = split{0.30, 0.20, 0.50}
	paleo       = split{0.30, 0.30, 0.40}
)

// targets turns an energy target and a split into gram targets.
func targets(kcal float64, s split) generator.Targets {
	return generator.Targets{Calories: kcal, Protein: kcal * s.protein / generator.KcalPerGramProtein,
		Carbohydrate: kcal * s.carbohydrate / generator.KcalPerGramCarbohydrate,
		Fat:          kcal * s.fat / generator.KcalPerGramFat}
}

// diet is a dietary value with the split that suits it.
type diet struct {
	name    string
	dietary []string
	split   split
}

var diets = []diet{
	{"no diet", nil, balanced},
	{"vegetarian", []string{"Vegetarian"}, balanced},
	{"vegan", []string{"Vegan"}, balanced},
	{"pescatarian", []string{"Pescatarian"}, balanced},
	{"coeliac", []string{"Gluten-Free"}, balanced},
	{"dairy-free", []string{"Dairy-Free"}, balanced},
	{"keto", []string{"Keto"}, ketogenic},
	{"low-carb", []string{"Low-Carb"}, lowCarb},
	{"paleo", []string{"Paleo"}, paleo},
}

// Profiles returns the evaluation's 54 profiles: every diet at 1600, 2000
// and 2500 kcal, then allergies, high protein, 3000 kcal, quick cooking,
// three meals a day, dislikes and combinations of them.
func Profiles() []Profile {
	var out []Profile
	for _, d := range diets {
		for _, kcal := range []float64{1600, 2000, 2500} {
			out = append(out, Profile{Name: fmt.Sprintf("%s %.0f", d.name, kcal), Targets: targets(kcal, d.split),
				Restrictions: recipe.Restrictions{Dietary: d.dietary}})
		}
	}
	return append(append(out, allergyProfiles()...), otherProfiles()...)
}

func allergyProfiles() []Profile {
	allergy := func(name string, allergies ...string) Profile {
		return Profile{Name: name + " 2000", Targets: targets(2000, balanced),
			Restrictions: recipe.Restrictions{Allergies: allergies}}
	}
	return []Profile{
		allergy("nut allergy", "Peanuts", "Tree Nuts"),
		allergy("nut allergy (text)", "nut"),
		allergy("shellfish allergy", "Shellfish"),
		allergy("egg allergy", "Eggs"),
		allergy("milk allergy", "Dairy"),
		allergy("sesame+soy allergy", "Sesame", "Soy"),
	}
}

func otherProfiles() []Profile {
	quick := map[planning.MealType]int{planning.Breakfast: 10, planning.Lunch: 15, planning.Dinner: 30,
		planning.Snacks: 10}
	threeMeals := []planning.MealType{planning.Breakfast, planning.Lunch, planning.Dinner}
	p := func(name string, kcal float64, s split, dietary, allergies, dislikes []string) Profile {
		return Profile{Name: name, Targets: targets(kcal, s),
			Restrictions: recipe.Restrictions{Dietary: dietary, Allergies: allergies, Dislikes: dislikes}}
	}
	out := []Profile{
		p("high protein 2000", 2000, highProtein, nil, nil, nil),
		p("high protein 2500", 2500, highProtein, nil, nil, nil),
		p("high protein 3000", 3000, highProtein, nil, nil, nil),
		p("high protein vegetarian 2500", 2500, highProtein, []string{"Vegetarian"}, nil, nil),
		p("high protein pescatarian 2500", 2500, highProtein, []string{"Pescatarian"}, nil, nil),
		p("high protein coeliac 3000", 3000, highProtein, []string{"Gluten-Free"}, nil, nil),
		p("no diet 3000", 3000, balanced, nil, nil, nil),
		p("vegetarian 3000", 3000, balanced, []string{"Vegetarian"}, nil, nil),
		p("dairy-free 3000", 3000, balanced, []string{"Dairy-Free"}, nil, nil),
		p("dislikes mushroom+olive 2000", 2000, balanced, nil, nil, []string{"mushroom", "olive"}),
		p("dislikes coriander+chilli 2500", 2500, balanced, nil, nil, []string{"coriander", "chilli"}),
		p("vegan nut allergy 2000", 2000, balanced, []string{"Vegan"}, []string{"Peanuts", "Tree Nuts"}, nil),
		p("coeliac dairy-free 2000", 2000, balanced, []string{"Gluten-Free", "Dairy-Free"}, nil, nil),
		p("vegetarian egg allergy 1600", 1600, balanced, []string{"Vegetarian"}, []string{"Eggs"}, nil),
		p("pescatarian shellfish allergy 2500", 2500, balanced, []string{"Pescatarian"}, []string{"Shellfish"}, nil),
	}
	for _, q := range []Profile{p("quick no diet 2000", 2000, balanced, nil, nil, nil),
		p("quick vegetarian 2000", 2000, balanced, []string{"Vegetarian"}, nil, nil),
		p("quick high protein 2500", 2500, highProtein, nil, nil, nil)} {
		q.MaxPrepTime = quick
		out = append(out, q)
	}
	for _, t := range []Profile{p("3 meals no diet 2000", 2000, balanced, nil, nil, nil),
		p("3 meals vegan 2000", 2000, balanced, []string{"Vegan"}, nil, nil),
		p("3 meals keto 1600", 1600, ketogenic, []string{"Keto"}, nil, nil)} {
		t.MealTypes = threeMeals
		out = append(out, t)
	}
	return out
}
