package recommend

import (
	"cmp"
	"math"
	"slices"
)

// DefaultNeighbours is how many similar recipes CoOccurrence keeps per
// recipe when asked for none: enough to rank, bounded so memory grows with
// the catalogue, not with its square.
const DefaultNeighbours = 50

// Limits of the co-occurrence count. One person's events count up to
// maxTaste per recipe and only their maxItemsPerUser strongest recipes pair
// up, so a heavy user costs at most that many squared pairs. A pair seen by
// few people is shrunk towards zero by n/(n+pairShrink): two people
// agreeing once is weak evidence.
const (
	maxItemsPerUser = 200
	pairShrink      = 3.0
)

// Interactions gathers many people's positive events (favourites, good
// ratings, planned meals) to learn which recipes go together.
type Interactions struct {
	byUser map[string]map[int64]float64
}

// NewInteractions returns an empty collection.
func NewInteractions() *Interactions {
	return &Interactions{byUser: map[string]map[int64]float64{}}
}

// Add records that the user chose the recipe with the given weight; weights
// of the same user and recipe add up. Non-positive weights are ignored:
// co-occurrence learns from what people like.
func (in *Interactions) Add(userID string, recipeID int64, weight float64) {
	if weight <= 0 || math.IsNaN(weight) {
		return
	}
	m := in.byUser[userID]
	if m == nil {
		m = map[int64]float64{}
		in.byUser[userID] = m
	}
	m[recipeID] += weight
}

// AddProfile records a person's favourites, ratings above three stars and
// planned meals, weighted as Recommend weighs them (without the decay: the
// pairs people chose stay informative).
func (in *Interactions) AddProfile(userID string, p Profile) {
	for _, id := range p.Favorites {
		in.Add(userID, id, favoriteWeight)
	}
	for id, stars := range p.Ratings {
		if stars <= 5 {
			in.Add(userID, id, ratingWeight(stars))
		}
	}
	for _, pl := range p.Planned {
		in.Add(userID, pl.RecipeID, plannedWeight)
	}
}

// Neighbour is a recipe and how strongly people pair it with another.
type Neighbour struct {
	RecipeID   int64
	Similarity float64 // shrunk cosine, 0–1
}

// CoOccurrence is item-to-item similarity learnt from interactions: for
// each recipe, the recipes the same people chose, strongest first. It is
// read-only and safe for concurrent use; the nil CoOccurrence knows nothing.
type CoOccurrence struct {
	neighbours map[int64][]Neighbour
	people     map[int64]int
}

type pair struct{ a, b int64 }

type pairSum struct {
	dot float64
	n   int
}

// CoOccurrence computes the cosine similarity of every two recipes over the
// people who chose them, and keeps each recipe's strongest neighbours
// (DefaultNeighbours when neighbours is not positive).
func (in *Interactions) CoOccurrence(neighbours int) *CoOccurrence {
	if neighbours <= 0 {
		neighbours = DefaultNeighbours
	}
	co := &CoOccurrence{neighbours: map[int64][]Neighbour{}, people: map[int64]int{}}
	norms, pairs := map[int64]float64{}, map[pair]pairSum{}
	users := make([]string, 0, len(in.byUser))
	for u := range in.byUser {
		users = append(users, u)
	}
	slices.Sort(users) // a fixed order keeps the float sums, and so ties, reproducible
	for _, u := range users {
		items := strongest(in.byUser[u])
		for i, x := range items {
			norms[x.id] += x.w * x.w
			co.people[x.id]++
			for _, y := range items[i+1:] {
				s := pairs[pair{x.id, y.id}]
				pairs[pair{x.id, y.id}] = pairSum{s.dot + x.w*y.w, s.n + 1}
			}
		}
	}
	for p, s := range pairs {
		sim := s.dot / math.Sqrt(norms[p.a]*norms[p.b]) * float64(s.n) / (float64(s.n) + pairShrink)
		co.neighbours[p.a] = append(co.neighbours[p.a], Neighbour{p.b, sim})
		co.neighbours[p.b] = append(co.neighbours[p.b], Neighbour{p.a, sim})
	}
	for id, list := range co.neighbours {
		slices.SortFunc(list, byStrength)
		co.neighbours[id] = slices.Clip(list[:min(len(list), neighbours)])
	}
	return co
}

type weighted struct {
	id int64
	w  float64
}

// strongest is the user's recipes, capped in weight and number, by id.
func strongest(m map[int64]float64) []weighted {
	items := make([]weighted, 0, len(m))
	for id, w := range m {
		items = append(items, weighted{id, math.Min(w, maxTaste)})
	}
	slices.SortFunc(items, func(x, y weighted) int {
		return cmp.Or(cmp.Compare(y.w, x.w), cmp.Compare(x.id, y.id))
	})
	items = items[:min(len(items), maxItemsPerUser)]
	slices.SortFunc(items, func(x, y weighted) int { return cmp.Compare(x.id, y.id) })
	return items
}

func byStrength(x, y Neighbour) int {
	return cmp.Or(cmp.Compare(y.Similarity, x.Similarity), cmp.Compare(x.RecipeID, y.RecipeID))
}

// Neighbours returns the recipes people pair with id, strongest first. The
// slice is shared: the caller must not change it.
func (co *CoOccurrence) Neighbours(id int64) []Neighbour {
	if co == nil {
		return nil
	}
	return co.neighbours[id]
}

// People is how many people chose the recipe.
func (co *CoOccurrence) People(id int64) int {
	if co == nil {
		return 0
	}
	return co.people[id]
}

func (co *CoOccurrence) users(id int64) float64 { return float64(co.People(id)) }

// similarity is how strongly people pair a with b, 0 when b is not among
// a's kept neighbours.
func (co *CoOccurrence) similarity(a, b int64) float64 {
	for _, n := range co.Neighbours(a) {
		if n.RecipeID == b {
			return n.Similarity
		}
	}
	return 0
}
