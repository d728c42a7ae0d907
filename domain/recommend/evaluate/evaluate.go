// Package evaluate measures the recommender offline. It simulates people
// with hidden tastes using the catalogue over a few months, hides the last
// part of each person's interactions, and checks how many of the recipes
// they went on to choose each method would have suggested: HitRate@K and
// NDCG@K for a random pick, popularity and the local hybrid, next to an
// oracle that knows the hidden tastes.
//
// The recommenders see only what the app would: declared preferences,
// the training part of every person's favourites, ratings and plans, and
// the catalogue. The hidden tastes stay inside the simulation. Both
// rankers get the same candidates: recipes the person may eat and has not
// yet touched.
package evaluate

import (
	"math/rand/v2"

	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/recommend"
)

// Defaults of Config.
const (
	MinUsers       = 500
	DefaultHoldOut = 0.2
	DefaultK       = 8
)

// Config sets up an evaluation. The same config and catalogue always give
// the same result.
type Config struct {
	// Users is how many people to simulate, at least MinUsers (smaller
	// values, zero included, are raised to it).
	Users int
	// Seed drives every random draw.
	Seed uint64
	// HoldOut is the share of each person's latest interactions hidden from
	// training, DefaultHoldOut when not strictly between 0 and 1.
	HoldOut float64
	// K is the length of each list judged, DefaultK when not positive.
	K int
}

func (c Config) normalised() Config {
	c.Users = max(c.Users, MinUsers)
	if c.HoldOut <= 0 || c.HoldOut >= 1 {
		c.HoldOut = DefaultHoldOut
	}
	if c.K <= 0 {
		c.K = DefaultK
	}
	return c
}

// Metrics are a method's mean HitRate@K (the share of people for whom at
// least one held-out recipe made the list) and NDCG@K (how high they
// ranked, 1 when they fill the top places).
type Metrics struct {
	HitRate float64
	NDCG    float64
}

// Result is the outcome of Run.
type Result struct {
	Config Config
	// Recipes is the catalogue's size.
	Recipes int
	// Evaluated is how many people had a held-out recipe new to them; the
	// others cannot be judged and are left out of the means.
	Evaluated int
	// Interactions counts every simulated favourite, rating and planned
	// meal; HeldOut those in the hidden part.
	Interactions, HeldOut int
	// Targets is the number of held-out recipes to find, over all people.
	Targets int
	// The methods: a uniform random pick of allowed recipes, the
	// popularity baseline and the hybrid recommender.
	Random, Popularity, Hybrid Metrics
	// Oracle ranks by the hidden tastes themselves: the ceiling that shows
	// how predictable the simulated people are.
	Oracle Metrics
}

// Lift is the hybrid's HitRate@K over popularity's (0 when popularity hits nothing).
func (r Result) Lift() float64 {
	if r.Popularity.HitRate == 0 {
		return 0
	}
	return r.Hybrid.HitRate / r.Popularity.HitRate
}

// Run simulates cfg.Users people over the catalogue (live recipes only) and
// evaluates the three methods on their held-out interactions.
func Run(recipes []*recipe.Recipe, cfg Config) Result {
	cfg = cfg.normalised()
	recipes = live(recipes)
	w := newWorld(recipes, cfg.Seed)
	trials := make([]trial, cfg.Users)
	in := recommend.NewInteractions()
	res := Result{Config: cfg, Recipes: len(recipes)}
	for i := range trials {
		p := w.person(i, rand.New(rand.NewPCG(cfg.Seed, uint64(i)+1)))
		trials[i] = w.split(p, cfg.HoldOut)
		in.AddProfile(p.id, trials[i].profile)
		res.Interactions += len(p.events)
		res.HeldOut += trials[i].heldOut
	}
	co := in.CoOccurrence(recommend.DefaultNeighbours)
	ix := recommend.NewIndex(recipes)
	var sums [4]Metrics
	for i, t := range trials {
		if len(t.targets) == 0 {
			continue
		}
		res.Evaluated++
		res.Targets += len(t.targets)
		req := recommend.Request{Count: cfg.K, Hour: -1, Today: t.today, Exclude: t.seen}
		rng := rand.New(rand.NewPCG(cfg.Seed^randomStream, uint64(i)+1))
		sums[0].add(t.targets, w.random(t, cfg.K, rng), cfg.K)
		sums[1].add(t.targets, ids(ix.Popular(t.profile, co, req)), cfg.K)
		sums[2].add(t.targets, ids(ix.Recommend(t.profile, co, req)), cfg.K)
		sums[3].add(t.targets, w.oracle(t, cfg.K), cfg.K)
	}
	res.Random, res.Popularity = sums[0].mean(res.Evaluated), sums[1].mean(res.Evaluated)
	res.Hybrid, res.Oracle = sums[2].mean(res.Evaluated), sums[3].mean(res.Evaluated)
	return res
}

// randomStream separates the random baseline's draws from the simulation's.
const randomStream = 0x7a11d0

func live(recipes []*recipe.Recipe) []*recipe.Recipe {
	out := make([]*recipe.Recipe, 0, len(recipes))
	seen := map[int64]bool{}
	for _, r := range recipes {
		if r != nil && r.DeletedAt == nil && !seen[r.ID] {
			seen[r.ID] = true
			out = append(out, r)
		}
	}
	return out
}

func ids(list []recommend.Suggestion) []int64 {
	out := make([]int64, len(list))
	for i, s := range list {
		out[i] = s.RecipeID
	}
	return out
}
