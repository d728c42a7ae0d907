package recipe

import (
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// Synthesize makes n recipes for scale tests by recombining templates (the
// seed catalogue), with ids firstID, firstID+1, …. Each takes a base
// template's ingredient lines, cuisine, images and steps, often mixes in a
// few lines of a second template, and gets a name built from its main
// ingredients and dish ("Smoky Chicken and Chickpea Stew"). Dietary tags
// are those both templates share, allergens those either has, and the
// category follows the ingredients (a vegetarian base with meat mixed in
// takes the meat's category). Times, servings, nutrition, ratings and
// creation times vary plausibly. The same seed and templates always give the
// same recipes; nothing is shared with the templates. It returns none
// without templates.
func Synthesize(seed uint64, templates []*Recipe, n int, firstID int64) []*Recipe {
	out := make([]*Recipe, 0, max(n, 0))
	if len(templates) == 0 {
		return out
	}
	s := synth{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), templates: templates,
		epoch: latestCreation(templates)}
	for i := range max(n, 0) {
		out = append(out, s.recipe(firstID+int64(i)))
	}
	return out
}

// syntheticEpoch dates synthetic recipes when the templates carry no dates.
var syntheticEpoch = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

func latestCreation(templates []*Recipe) time.Time {
	latest := time.Time{}
	for _, t := range templates {
		if t.CreatedAt.After(latest) {
			latest = t.CreatedAt
		}
	}
	if latest.IsZero() {
		return syntheticEpoch
	}
	return latest.UTC()
}

type synth struct {
	rng       *rand.Rand
	templates []*Recipe
	epoch     time.Time
}

var (
	synthAdjectives = []string{"Smoky", "Spicy", "Creamy", "Zesty", "Rustic", "Herby", "Golden", "Garlicky", "Sticky",
		"Crispy", "Slow-Cooked", "Lemony", "Peppery", "Fragrant", "Hearty", "Roasted", "Charred", "Honey-Glazed",
		"Tangy", "Midweek", "Summer", "Winter", "Easy", "Family"}
	// synthDishes are dish words recognised at the end of a template's name.
	synthDishes = []string{"Stew", "Curry", "Soup", "Salad", "Pie", "Pasta", "Bake", "Tacos", "Risotto", "Stir-Fry",
		"Casserole", "Burgers", "Pancakes", "Cake", "Tart", "Traybake", "Skewers", "Kebabs", "Noodles", "Bowl",
		"Roast", "Chilli", "Hash", "Frittata", "Omelette", "Wraps", "Pizza", "Gratin", "Tagine", "Dal", "Biryani",
		"Fritters", "Crumble", "Pudding", "Muffins", "Bread", "Chowder", "Ragu", "Lasagne", "Paella", "Korma",
		"Masala", "Hotpot", "Sandwich", "Cookies", "Brownies", "Cheesecake", "Porridge", "Fry", "Rolls"}
	synthDishByCategory = map[string]string{"Beef": "Stew", "Chicken": "Traybake", "Dessert": "Tart",
		"Breakfast": "Hash", "Seafood": "Skillet", "Vegan": "Bowl", "Vegetarian": "Bake", "Side": "Salad",
		"Starter": "Bites", "Pasta": "Pasta", "Lamb": "Tagine", "Pork": "Roast", "Goat": "Curry"}
	// synthStaples never name a dish.
	synthStaples = []string{"salt", "pepper", "oil", "water", "butter", "sugar", "flour", "garlic", "onion", "stock",
		"vinegar", "lemon", "lime", "herbs", "spice", "paprika", "cumin", "thyme", "parsley", "bay", "egg", "milk",
		"cream", "yeast", "baking", "sauce", "honey", "ginger", "chilli", "cornflour"}
)

func (s *synth) pick(list []string) string { return list[s.rng.IntN(len(list))] }

// between draws uniformly from [lo, hi).
func (s *synth) between(lo, hi float64) float64 { return lo + s.rng.Float64()*(hi-lo) }

func (s *synth) recipe(id int64) *Recipe {
	base := s.templates[s.rng.IntN(len(s.templates))]
	other := s.templates[s.rng.IntN(len(s.templates))]
	r := &Recipe{ID: id, Cuisine: base.Cuisine, Difficulty: base.Difficulty, Images: base.Images,
		Instructions: slices.Clone(base.Instructions)}
	r.Ingredients = s.ingredients(base)
	var mixed []Ingredient
	if other != base && s.rng.Float64() < 0.7 {
		mixed = s.mixIn(other, r.Ingredients)
		r.Ingredients = append(r.Ingredients, mixed...)
	}
	r.DietaryTags, r.Allergens = dietOf(base), slices.Clone(base.Allergens)
	if len(mixed) > 0 {
		r.DietaryTags = intersect(r.DietaryTags, dietOf(other))
		r.Allergens = union(r.Allergens, other.Allergens)
		r.Instructions = append(r.Instructions, "Stir in the "+strings.ToLower(mixed[0].Name)+
			" and cook for a few minutes more.")
	}
	r.Category = categoryOf(base, other, r.DietaryTags, len(mixed) > 0)
	r.Tags = s.tags(base, other, r.DietaryTags, len(mixed) > 0)
	r.Name, r.Description = s.describe(base, r, mixed)
	s.vary(r, base)
	return r
}

// ingredients copies the base's lines, sometimes dropping one minor line.
func (s *synth) ingredients(base *Recipe) []Ingredient {
	lines := copyIngredients(base.Ingredients)
	if len(lines) > 4 && s.rng.Float64() < 0.4 {
		i := 1 + s.rng.IntN(len(lines)-1)
		lines = slices.Delete(lines, i, i+1)
	}
	return lines
}

// mixIn takes one to three lines of other that the recipe lacks, the main
// ingredient first.
func (s *synth) mixIn(other *Recipe, have []Ingredient) []Ingredient {
	hero := heroIndex(other.Ingredients)
	if hero < 0 {
		return nil
	}
	var out []Ingredient
	order := append([]int{hero}, s.rng.Perm(len(other.Ingredients))...)
	want := 1 + s.rng.IntN(3)
	for _, i := range order {
		in := other.Ingredients[i]
		if len(out) == want {
			break
		}
		if !slices.ContainsFunc(append(have, out...), func(h Ingredient) bool { return h.Name == in.Name }) {
			out = append(out, copyIngredients([]Ingredient{in})...)
		}
	}
	return out
}

func copyIngredients(in []Ingredient) []Ingredient {
	out := make([]Ingredient, len(in))
	for i, line := range in {
		if line.Quantity != nil {
			q := *line.Quantity
			line.Quantity = &q
		}
		out[i] = line
	}
	return out
}

// heroIndex is the first line that is not a staple, or the first line; -1
// when there are none.
func heroIndex(lines []Ingredient) int {
	for i, in := range lines {
		name := strings.ToLower(in.Name + " " + in.Food)
		if !slices.ContainsFunc(synthStaples, func(st string) bool { return strings.Contains(name, st) }) {
			return i
		}
	}
	if len(lines) == 0 {
		return -1
	}
	return 0
}
