package recommend

import (
	"math"
	"strings"

	"github.com/mealplanner/backend/domain/recipe"
)

// Bayesian averaging of ratings: a recipe's mean is pulled towards the
// catalogue's mean as if it had priorReviews more reviews at that mean, so
// one five-star review does not outrank a hundred four-star ones.
const (
	priorReviews = 10.0
	// defaultMeanRating stands in for the catalogue mean while nothing is rated.
	defaultMeanRating = 3.5
)

// Index is the catalogue prepared for recommending: every live recipe with
// its feature vector, diet bits, meal-type hints and popularity prior. It is
// read-only once built and safe for concurrent use.
type Index struct {
	entries    []entry
	byID       map[int64]int32
	features   int      // size of the feature vocabulary
	cuisines   []string // lower-case; entry.cuisine indexes it
	categories []string // as written; entry.category indexes it
	meanRating float64
}

// entry is one recipe and what NewIndex derived from it. The fields read
// for every candidate are copied in, so scoring the catalogue walks one
// slice instead of chasing a pointer per recipe.
type entry struct {
	r        *recipe.Recipe
	id       int64
	prep     int   // minutes
	total    int   // minutes
	level    uint8 // difficulty: 0 easy, 1 medium, 2 hard, 3 unknown
	vec      sparse
	diet     uint16 // bit i: recipe.DietaryValues[i] holds
	cuisine  int32  // -1 when the recipe names none
	category int32
	meals    mealBits // meal types its tags name
	quality  float64  // Bayesian-averaged rating over 5
	count    float64  // catalogue reviews plus favourites
}

// NewIndex precomputes the features of the live recipes (deleted ones and
// nils are skipped; of recipes sharing an id the first is kept). The
// recipes are shared, not copied: the caller must not change them while
// the index is in use.
func NewIndex(recipes []*recipe.Recipe) *Index {
	ix := &Index{byID: make(map[int64]int32, len(recipes))}
	live := make([]*recipe.Recipe, 0, len(recipes))
	for _, r := range recipes {
		if r == nil || r.DeletedAt != nil {
			continue
		}
		if _, dup := ix.byID[r.ID]; dup {
			continue
		}
		ix.byID[r.ID] = int32(len(live))
		live = append(live, r)
	}
	ix.meanRating = meanRating(live)
	vocab := newVocabulary(live)
	cuisines, categories := map[string]int32{}, map[string]int32{}
	ix.entries = make([]entry, len(live))
	for i, r := range live {
		ix.entries[i] = entry{r: r, id: r.ID, prep: r.PrepTime, total: r.TotalTime(), level: levelOf(r.Difficulty),
			vec: vocab.vector(r), diet: dietBits(r.DietaryTags),
			cuisine:  intern(cuisines, &ix.cuisines, strings.ToLower(strings.TrimSpace(r.Cuisine))),
			category: intern(categories, &ix.categories, r.Category), meals: mealTags(r.Tags),
			quality: ix.bayesian(r) / 5, count: float64(max(0, r.ReviewCount) + max(0, r.FavoriteCount))}
	}
	ix.features = vocab.size()
	ix.compact()
	return ix
}

// compact moves every vector into two shared slices, in catalogue order, so
// that scoring the whole catalogue reads memory in sequence.
func (ix *Index) compact() {
	n := 0
	for i := range ix.entries {
		n += len(ix.entries[i].vec.ids)
	}
	ids, vals := make([]int32, 0, n), make([]float32, 0, n)
	for i := range ix.entries {
		v := &ix.entries[i].vec
		start := len(ids)
		ids, vals = append(ids, v.ids...), append(vals, v.vals...)
		v.ids, v.vals = ids[start:len(ids):len(ids)], vals[start:len(vals):len(vals)]
	}
}

// Len is the number of recipes indexed.
func (ix *Index) Len() int { return len(ix.entries) }

// Recipe returns the indexed recipe with the id.
func (ix *Index) Recipe(id int64) (*recipe.Recipe, bool) {
	at, ok := ix.byID[id]
	if !ok {
		return nil, false
	}
	return ix.entries[at].r, true
}

// Similarity is how alike the content of two indexed recipes is, from 0 to
// 1: a weighted sum over foods, category, cuisine, tags, nutrition, diet
// and style of how much each group's features agree. Unknown ids give 0.
func (ix *Index) Similarity(a, b int64) float64 {
	i, okA := ix.byID[a]
	j, okB := ix.byID[b]
	if !okA || !okB {
		return 0
	}
	return ix.entries[i].vec.dot(ix.entries[j].vec)
}

// intern returns the id of name in list, adding it when new; "" is -1.
func intern(ids map[string]int32, list *[]string, name string) int32 {
	if name == "" {
		return -1
	}
	if id, ok := ids[name]; ok {
		return id
	}
	id := int32(len(*list))
	ids[name] = id
	*list = append(*list, name)
	return id
}

func meanRating(rs []*recipe.Recipe) float64 {
	sum, n := 0.0, 0.0
	for _, r := range rs {
		if r.ReviewCount > 0 && r.Rating > 0 {
			sum += r.Rating * float64(r.ReviewCount)
			n += float64(r.ReviewCount)
		}
	}
	if n == 0 {
		return defaultMeanRating
	}
	return sum / n
}

func (ix *Index) bayesian(r *recipe.Recipe) float64 {
	v := 0.0
	if r.Rating > 0 {
		v = float64(max(0, r.ReviewCount))
	}
	return (ix.meanRating*priorReviews + r.Rating*v) / (priorReviews + v)
}

// popularity is how many people chose the recipe, catalogue counts and
// observed interactions together, on a log scale and weighted by its
// averaged rating.
func (ix *Index) popularity(at int32, co *CoOccurrence) float64 {
	e := &ix.entries[at]
	return e.quality * math.Log1p(e.count+co.users(e.id))
}

func (ix *Index) popularities(co *CoOccurrence, pool []int32) []float64 {
	out := make([]float64, len(pool))
	for i, at := range pool {
		out[i] = ix.popularity(at, co)
	}
	return out
}

// dietBits marks which of recipe.DietaryValues the tags hold.
func dietBits(tags []string) uint16 {
	var bits uint16
	for i, d := range recipe.DietaryValues {
		for _, t := range tags {
			if strings.EqualFold(strings.TrimSpace(t), d) {
				bits |= 1 << i
			}
		}
	}
	return bits
}

// difficulties are the levels in entry.level order.
var difficulties = [...]recipe.Difficulty{recipe.Easy, recipe.Medium, recipe.Hard}

func levelOf(d recipe.Difficulty) uint8 {
	for i, x := range difficulties {
		if d == x {
			return uint8(i)
		}
	}
	return uint8(len(difficulties))
}
