package evaluate

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/user"
)

// How simulated people behave. Each has a hidden taste: one to three
// favourite cuisines (common cuisines more often) and categories, often a
// category they avoid, a few favourite foods, some regard for how good a
// dish is (a quality every recipe has, hidden too: what makes popular
// recipes popular), perhaps impatience with long recipes and, as a
// beginner, with hard ones. A recipe's utility adds these up plus a
// personal whim; people choose among the recipes they may eat with
// probability growing with utility (a softmax at choiceTemperature), so
// they repeat favourites, stray and discover, but mostly stay in their lane.
//
// The balance is a judgement: the catalogue is curated, so the quality of
// its recipes differs less than tastes do, and personal taste outweighs the
// crowd (qualityRegard is small next to cuisine and category affinities).
// The oracle line of the result shows how predictable that makes people.
const (
	simDays           = 120
	choiceTemperature = 0.5
	whim              = 0.35 // standard deviation of the personal noise in utility
	cuisineAffinity   = 1.0  // plus up to as much again, per favourite cuisine
	categoryAffinity  = 0.6  // plus up to as much again, per favourite category
	avoidedCategory   = -1.0 // half the people avoid one category
	foodAffinity      = 0.4  // per favourite food the recipe contains, up to two
	qualityRegard     = 0.1  // plus up to 0.3: weight of the hidden quality (standard normal)
	slowPenalty       = 0.5  // for the impatient, on recipes taking over 45 minutes
	hardPenalty       = 0.6  // for beginners, on hard recipes
	browseShare       = 0.15 // share of occasions that favourite without planning
	rateShare         = 0.3  // share of planned meals that get rated
	declareCuisines   = 0.4  // share of people who state favourite cuisines
	// Occasions per person over the period: log-normal around a median of
	// medianOccasions (a meal or two a week), from minOccasions to maxOccasions.
	medianOccasions = 24
	minOccasions    = 10
	maxOccasions    = 150
)

// kind is what a person did with a recipe.
type kind int

const (
	planned kind = iota
	favorited
	rated
)

// event is one interaction: on a day, with a recipe (a catalogue position).
type event struct {
	day    int
	recipe int
	kind   kind
	stars  int
}

// person is one simulated user: what they declare, what they really like
// (never shown to a recommender) and what they did, in time order.
type person struct {
	id      string
	prefs   user.Preferences
	utility []float64 // by catalogue position; -Inf when a restriction forbids the recipe
	events  []event
}

// taste is a person's hidden profile.
type taste struct {
	cuisines   map[string]float64
	categories map[string]float64
	foods      map[string]bool
	quality    float64 // how much they care for the recipes' hidden quality
	impatient  bool
	skill      string
	activity   int // occasions over the simulated period
}

// world is the catalogue as the simulation sees it.
type world struct {
	recipes  []*recipe.Recipe
	quality  []float64 // hidden, by catalogue position
	cuisines []string  // one entry per recipe, so drawing from it favours common cuisines
	foods    []string  // foods distinctive enough to be someone's favourite
	allow    map[string][]bool
}

func newWorld(recipes []*recipe.Recipe, seed uint64) *world {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	w := &world{recipes: recipes, quality: make([]float64, len(recipes)), allow: map[string][]bool{}}
	df := map[string]int{}
	for i, r := range recipes {
		w.quality[i] = rng.NormFloat64()
		if r.Cuisine != "" {
			w.cuisines = append(w.cuisines, r.Cuisine)
		}
		for _, f := range foodsOf(r) {
			df[f]++
		}
	}
	for f, n := range df {
		if n >= 3 && n*5 <= len(recipes) {
			w.foods = append(w.foods, f)
		}
	}
	slices.Sort(w.foods)
	return w
}

func foodsOf(r *recipe.Recipe) []string {
	var out []string
	for _, in := range r.Ingredients {
		if in.Food != "" && !slices.Contains(out, in.Food) {
			out = append(out, in.Food)
		}
	}
	return out
}

// allowed reports, by catalogue position, which recipes the preferences'
// restrictions allow. People share a few dozen distinct restrictions, so
// each is asked of recipe.Restrictions once.
func (w *world) allowed(p user.Preferences) []bool {
	key := strings.Join(p.Dietary, ",") + "|" + strings.Join(p.Allergies, ",") + "|" +
		strings.Join(p.DislikedIngredients, ",")
	if ok, known := w.allow[key]; known {
		return ok
	}
	x := recipe.Restrictions{Dietary: p.Dietary, Allergies: p.Allergies, Dislikes: p.DislikedIngredients}
	ok := make([]bool, len(w.recipes))
	for i, r := range w.recipes {
		ok[i] = x.Allows(r)
	}
	w.allow[key] = ok
	return ok
}

// person draws the i-th person: taste, declared preferences, utilities and
// history.
func (w *world) person(i int, rng *rand.Rand) *person {
	t := w.taste(rng)
	p := &person{id: fmt.Sprintf("user-%04d", i+1), prefs: declare(t, rng)}
	p.utility = w.utilities(t, p.prefs, rng)
	p.events = behave(p.utility, t.activity, rng)
	return p
}

func (w *world) taste(rng *rand.Rand) taste {
	t := taste{cuisines: map[string]float64{}, categories: map[string]float64{}, foods: map[string]bool{},
		quality: qualityRegard + 0.3*rng.Float64(), impatient: rng.Float64() < 0.3,
		skill:    []string{"beginner", "intermediate", "advanced"}[rng.IntN(3)],
		activity: occasions(rng)}
	for range 1 + rng.IntN(3) {
		if len(w.cuisines) > 0 {
			t.cuisines[w.cuisines[rng.IntN(len(w.cuisines))]] = cuisineAffinity * (1 + rng.Float64())
		}
	}
	for range 1 + rng.IntN(3) {
		t.categories[recipe.Categories[rng.IntN(len(recipe.Categories))]] = categoryAffinity * (1 + rng.Float64())
	}
	if rng.Float64() < 0.5 {
		t.categories[recipe.Categories[rng.IntN(len(recipe.Categories))]] = avoidedCategory
	}
	for range 3 {
		if len(w.foods) > 0 {
			t.foods[w.foods[rng.IntN(len(w.foods))]] = true
		}
	}
	return t
}

func occasions(rng *rand.Rand) int {
	n := math.Exp(math.Log(medianOccasions) + 0.6*rng.NormFloat64())
	return int(math.Round(min(maxOccasions, max(minOccasions, n))))
}

// diets and allergies people may have, with how common each is.
var (
	diets = []struct {
		name  string
		share float64
	}{{"Vegetarian", 0.10}, {"Vegan", 0.04}, {"Pescatarian", 0.04}, {"Gluten-Free", 0.05}, {"Dairy-Free", 0.03}}
	allergies = []string{"Peanuts", "Tree Nuts", "Shellfish", "Sesame", "Fish", "Eggs"}
)

// declare is what the person tells the app: their diet and allergies
// always, their favourite cuisines sometimes (the strongest one or two),
// their skill, and a time limit when they are impatient and say so.
func declare(t taste, rng *rand.Rand) user.Preferences {
	p := user.DefaultPreferences()
	p.SkillLevel = t.skill
	x := rng.Float64()
	for _, d := range diets {
		if x < d.share {
			p.Dietary = []string{d.name}
			break
		}
		x -= d.share
	}
	if rng.Float64() < 0.1 {
		p.Allergies = []string{allergies[rng.IntN(len(allergies))]}
	}
	if rng.Float64() < declareCuisines {
		p.FavoriteCuisines = strongest(t.cuisines, 1+rng.IntN(2))
	}
	if t.impatient && rng.Float64() < 0.5 {
		limit := 30
		p.MaxPrepTime = &limit
	}
	return p
}

// strongest returns up to n keys of m with the highest values.
func strongest(m map[string]float64, n int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(m[b], m[a]), cmp.Compare(a, b)) })
	return keys[:min(n, len(keys))]
}
