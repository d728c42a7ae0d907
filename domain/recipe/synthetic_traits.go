package recipe

import (
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// dietOf is the template's dietary tags or, when it has none, the dietary
// values its tags name (seed files tag recipes "vegan", "gluten-free"; what
// is vegan is vegetarian too).
func dietOf(r *Recipe) []string {
	if len(r.DietaryTags) > 0 {
		return slices.Clone(r.DietaryTags)
	}
	out := []string{}
	for _, d := range DietaryValues {
		if containsFold(r.Tags, d) || d == "Vegetarian" && containsFold(r.Tags, "Vegan") {
			out = append(out, d)
		}
	}
	return out
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
}

func intersect(a, b []string) []string {
	out := []string{}
	for _, x := range a {
		if containsFold(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func union(a, b []string) []string {
	out := append([]string{}, a...)
	for _, x := range b {
		if !containsFold(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// categoryOf keeps the base's category unless the mixed-in lines made it
// untrue: a vegan or vegetarian base that lost that diet becomes vegetarian
// if it still is, else takes the other template's category (its meat), else
// Miscellaneous.
func categoryOf(base, other *Recipe, diet []string, mixed bool) string {
	fits := func(c string) bool { return c != "Vegan" && c != "Vegetarian" || containsFold(diet, c) }
	if !mixed || fits(base.Category) {
		return base.Category
	}
	for _, c := range []string{"Vegetarian", other.Category} {
		if fits(c) {
			return c
		}
	}
	return "Miscellaneous"
}

// tags keeps the base's tags and may borrow one of the other's, dropping
// any that names a diet the recipe no longer keeps; at most five.
func (s *synth) tags(base, other *Recipe, diet []string, mixed bool) []string {
	out := []string{}
	add := func(t string) {
		if len(out) < 5 && !containsFold(out, t) && (!containsFold(DietaryValues, t) || containsFold(diet, t)) {
			out = append(out, t)
		}
	}
	for _, t := range base.Tags {
		add(t)
	}
	if mixed && len(other.Tags) > 0 {
		add(s.pick(other.Tags))
	}
	return out
}

// describe names the recipe after its main ingredients and dish, and
// borrows the base's first sentence as its description.
func (s *synth) describe(base, r *Recipe, mixed []Ingredient) (name, description string) {
	hero := base.Name
	if i := heroIndex(base.Ingredients); i >= 0 {
		hero = ingredientTitle(base.Ingredients[i])
	}
	dish, adj := dishWord(base), s.pick(synthAdjectives)
	partner := ""
	if len(mixed) > 0 && !strings.EqualFold(ingredientTitle(mixed[0]), hero) {
		partner = ingredientTitle(mixed[0])
	}
	switch {
	case partner != "" && s.rng.IntN(2) == 0:
		name = joinName(adj, hero, "and", partner, dish)
	case partner != "":
		name = joinName(hero, "and", partner, dish)
	case r.Cuisine != "" && s.rng.IntN(3) == 0:
		name = joinName(r.Cuisine, hero, dish)
	default:
		name = joinName(adj, hero, dish)
	}
	description = firstSentence(base.Description)
	if partner != "" {
		description = strings.TrimSpace(description + " This version adds " + strings.ToLower(partner) + ".")
	}
	return name, description
}

// joinName joins words, leaving out a word that repeats the one before it
// ("Pasta Pasta").
func joinName(parts ...string) string {
	var words []string
	for _, p := range parts {
		for _, w := range strings.Fields(p) {
			if len(words) == 0 || !strings.EqualFold(words[len(words)-1], w) {
				words = append(words, w)
			}
		}
	}
	return strings.Join(words, " ")
}

// synthDescriptors are words of an ingredient line that do not belong in a
// recipe's name.
var synthDescriptors = []string{"fresh", "dried", "chopped", "large", "small", "boneless", "skinless", "ground",
	"whole", "frozen", "canned", "tinned", "cooked", "ripe", "extra", "virgin", "plain", "free-range"}

// ingredientTitle is the line's food (or name) in title case, without descriptors.
func ingredientTitle(in Ingredient) string {
	text := in.Food
	if text == "" {
		text = in.Name
	}
	var words []string
	for _, w := range strings.Fields(text) {
		if !containsFold(synthDescriptors, w) {
			r, size := utf8.DecodeRuneInString(w)
			words = append(words, string(unicode.ToUpper(r))+w[size:])
		}
	}
	if len(words) == 0 {
		return strings.TrimSpace(text)
	}
	return strings.Join(words, " ")
}

// dishWord is the dish a template's name ends in, or one typical of its category.
func dishWord(base *Recipe) string {
	words := strings.Fields(base.Name)
	for i := len(words) - 1; i >= 0; i-- {
		if j := slices.IndexFunc(synthDishes, func(d string) bool { return strings.EqualFold(d, words[i]) }); j >= 0 {
			return synthDishes[j]
		}
	}
	if d, ok := synthDishByCategory[base.Category]; ok {
		return d
	}
	return "Bowl"
}

func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return strings.TrimSpace(s)
}

// vary draws times, servings, difficulty, nutrition, ratings and dates
// around the base's.
func (s *synth) vary(r, base *Recipe) {
	r.PrepTime = roundTo5(float64(base.PrepTime) * s.between(0.8, 1.25))
	r.CookTime = roundTo5(float64(base.CookTime) * s.between(0.8, 1.25))
	r.Servings = max(1, base.Servings)
	if s.rng.Float64() < 0.2 {
		r.Servings = 2 * (1 + s.rng.IntN(4))
	}
	if r.Difficulty == "" || s.rng.Float64() < 0.15 {
		r.Difficulty = []Difficulty{Easy, Medium, Hard}[s.rng.IntN(3)]
	}
	r.Nutrition = s.nutrition(base)
	if s.rng.Float64() >= 0.15 { // some recipes are never rated
		r.Rating = math.Round(math.Max(1, 5-math.Abs(s.rng.NormFloat64()*0.7))*10) / 10
		r.ReviewCount = int(math.Exp(s.between(0, 6.2)))
		r.FavoriteCount = int(float64(r.ReviewCount) * s.between(0.1, 1.5))
	}
	r.CreatedAt = s.epoch.Add(-time.Duration(s.rng.Int64N(730*24*3600)) * time.Second)
	r.UpdatedAt = r.CreatedAt.Add(time.Duration(s.rng.Int64N(30*24*3600)) * time.Second)
}

func roundTo5(x float64) int { return int(math.Round(x/5)) * 5 }

// nutrition scales the base's per-serving values, or makes coherent ones
// (calories from the macronutrients) when the base has none.
func (s *synth) nutrition(base *Recipe) Nutrients {
	n := base.Nutrition
	if n.Calories <= 0 {
		n = Nutrients{Protein: s.between(8, 40), Fat: s.between(6, 35), Carbohydrate: s.between(15, 80),
			Fiber: s.between(1, 10), Sodium: s.between(150, 1200)}
		n.Sugars = math.Min(n.Carbohydrate, s.between(2, 15))
		if base.Category == "Dessert" {
			n.Sugars = math.Min(n.Carbohydrate, s.between(20, 45))
		}
		n.Calories = 4*n.Protein + 4*n.Carbohydrate + 9*n.Fat
	} else {
		f := s.between(0.85, 1.2)
		n = Nutrients{Calories: n.Calories * f, Protein: n.Protein * f, Carbohydrate: n.Carbohydrate * f,
			Fat: n.Fat * f, Fiber: n.Fiber * f, Sugars: n.Sugars * f, Sodium: n.Sodium * f}
	}
	tenth := func(x float64) float64 { return math.Round(x*10) / 10 }
	return Nutrients{Calories: math.Round(n.Calories), Protein: tenth(n.Protein),
		Carbohydrate: tenth(n.Carbohydrate), Fat: tenth(n.Fat), Fiber: tenth(n.Fiber), Sugars: tenth(n.Sugars),
		Sodium: math.Round(n.Sodium)}
}
