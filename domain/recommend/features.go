package recommend

import (
	"math"
	"slices"
	"strings"

	"github.com/mealplanner/backend/domain/recipe"
)

// Feature groups of the content vector. Each group is scaled to unit length
// and then by the square root of its weight, so the dot product of two
// vectors is the weighted mean of the groups' cosines and lies in [0, 1].
const (
	groupFoods = iota
	groupCategory
	groupCuisine
	groupTags
	groupNutrition
	groupDiet
	groupStyle
	numGroups
)

// groupWeights sum to 1. Foods weigh most because they are what is eaten;
// category and cuisine are the strongest single hints of taste; tags,
// nutrition, diet and style (time, difficulty) refine.
var groupWeights = [numGroups]float64{0.30, 0.20, 0.20, 0.10, 0.10, 0.05, 0.05}

// idfGroups are the groups whose terms are weighted by rarity: sharing
// saffron says more than sharing salt.
var idfGroups = [numGroups]bool{groupFoods: true, groupTags: true}

// sparse is a vector as parallel slices of ascending feature ids and values.
type sparse struct {
	ids  []int32
	vals []float32
}

func (a sparse) dot(b sparse) float64 {
	sum := 0.0
	for i, j := 0, 0; i < len(a.ids) && j < len(b.ids); {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			sum += float64(a.vals[i]) * float64(b.vals[j])
			i, j = i+1, j+1
		}
	}
	return sum
}

// dotDense is the product with a dense vector indexed by feature id.
func (a sparse) dotDense(d []float64) float64 {
	sum := 0.0
	for i, id := range a.ids {
		sum += float64(a.vals[i]) * d[id]
	}
	return sum
}

// vocabulary numbers the features and knows each term's document frequency.
type vocabulary struct {
	ids map[string]int32
	df  map[string]int
	n   int
}

func newVocabulary(rs []*recipe.Recipe) *vocabulary {
	v := &vocabulary{ids: map[string]int32{}, df: map[string]int{}, n: len(rs)}
	for _, r := range rs {
		t := terms(r)
		for g := range t {
			for _, term := range t[g] {
				v.df[key(g, term)]++
			}
		}
	}
	return v
}

func (v *vocabulary) size() int { return len(v.ids) }

// key names a term within its group, so "vegan" the tag and "vegan" the diet differ.
func key(group int, term string) string { return string(rune('a'+group)) + ":" + term }

func (v *vocabulary) id(k string) int32 {
	id, ok := v.ids[k]
	if !ok {
		id = int32(len(v.ids))
		v.ids[k] = id
	}
	return id
}

// vector builds the recipe's content vector (see groupWeights).
func (v *vocabulary) vector(r *recipe.Recipe) sparse {
	t := terms(r)
	var out sparse
	for g := range t {
		weights := make([]float64, len(t[g]))
		norm := 0.0
		for i, term := range t[g] {
			weights[i] = 1
			if idfGroups[g] {
				weights[i] = 1 + math.Log(float64(v.n+1)/float64(v.df[key(g, term)]+1))
			}
			norm += weights[i] * weights[i]
		}
		for i, term := range t[g] {
			out.ids = append(out.ids, v.id(key(g, term)))
			out.vals = append(out.vals, float32(weights[i]*math.Sqrt(groupWeights[g]/norm)))
		}
	}
	sortSparse(&out)
	return out
}

func sortSparse(s *sparse) {
	order := make([]int, len(s.ids))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return int(s.ids[a] - s.ids[b]) })
	ids, vals := make([]int32, len(order)), make([]float32, len(order))
	for i, o := range order {
		ids[i], vals[i] = s.ids[o], s.vals[o]
	}
	s.ids, s.vals = ids, vals
}

// terms lists the recipe's distinct features, by group.
func terms(r *recipe.Recipe) [numGroups][]string {
	var t [numGroups][]string
	for _, in := range r.Ingredients {
		t[groupFoods] = appendNew(t[groupFoods], in.Food)
	}
	t[groupCategory] = appendNew(nil, strings.ToLower(r.Category))
	t[groupCuisine] = appendNew(nil, strings.ToLower(strings.TrimSpace(r.Cuisine)))
	for _, tag := range r.Tags {
		if tag = strings.ToLower(strings.TrimSpace(tag)); !isDietary(tag) {
			t[groupTags] = appendNew(t[groupTags], tag)
		}
	}
	t[groupNutrition] = nutritionTerms(r.Nutrition)
	for _, d := range r.DietaryTags {
		t[groupDiet] = appendNew(t[groupDiet], strings.ToLower(d))
	}
	t[groupStyle] = []string{timeBucket(r.TotalTime()), "difficulty " + string(r.Difficulty)}
	return t
}

func appendNew(list []string, term string) []string {
	if term == "" || slices.Contains(list, term) {
		return list
	}
	return append(list, term)
}

func isDietary(tag string) bool {
	return slices.ContainsFunc(recipe.DietaryValues, func(d string) bool { return strings.EqualFold(d, tag) })
}

// nutritionTerms buckets energy per serving and the share of it from each
// macronutrient, so that "light and high-protein" recipes resemble each
// other whatever their ingredients. No calories, no terms.
func nutritionTerms(n recipe.Nutrients) []string {
	if n.Calories <= 0 {
		return nil
	}
	share := func(grams, kcalPerGram float64) float64 { return grams * kcalPerGram / n.Calories }
	return []string{
		"kcal " + bucket(n.Calories, 300, 500, 700),
		"protein " + bucket(share(n.Protein, 4), 0.15, 0.25, 0.35),
		"carbohydrate " + bucket(share(n.Carbohydrate, 4), 0.30, 0.45, 0.60),
		"fat " + bucket(share(n.Fat, 9), 0.25, 0.35, 0.50),
	}
}

// bucket names which of the bounds x falls under: "1" below the first, up
// to "4" above the last.
func bucket(x float64, bounds ...float64) string {
	for i, b := range bounds {
		if x < b {
			return string(rune('1' + i))
		}
	}
	return string(rune('1' + len(bounds)))
}

func timeBucket(minutes int) string {
	switch {
	case minutes <= 30:
		return "time quick"
	case minutes <= 60:
		return "time hour"
	case minutes <= 120:
		return "time long"
	}
	return "time slow"
}
