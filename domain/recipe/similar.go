package recipe

import (
	"math"
	"sort"
)

// Similarity scores how alike two recipes are, from 0 to 1: the foods they
// share (Jaccard), the same category and cuisine, and how close their energy
// per serving is.
func Similarity(a, b *Recipe) float64 {
	score := 0.5 * jaccard(foodSet(a), foodSet(b))
	if a.Category == b.Category {
		score += 0.2
	}
	if a.Cuisine != "" && a.Cuisine == b.Cuisine {
		score += 0.15
	}
	if ca, cb := a.Nutrition.Calories, b.Nutrition.Calories; ca > 0 && cb > 0 {
		score += 0.15 * (1 - math.Min(1, math.Abs(ca-cb)/math.Max(ca, cb)))
	}
	return score
}

// MostSimilar orders candidates by similarity to r, best first, leaving r out
// and breaking ties by id, and keeps at most limit.
func MostSimilar(r *Recipe, candidates []*Recipe, limit int) []*Recipe {
	type scored struct {
		r *Recipe
		s float64
	}
	list := make([]scored, 0, len(candidates))
	for _, c := range candidates {
		if c.ID != r.ID {
			list = append(list, scored{c, Similarity(r, c)})
		}
	}
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].s != list[j].s {
			return list[i].s > list[j].s
		}
		return list[i].r.ID < list[j].r.ID
	})
	out := make([]*Recipe, 0, min(limit, len(list)))
	for _, s := range list[:min(limit, len(list))] {
		out = append(out, s.r)
	}
	return out
}

func foodSet(r *Recipe) map[string]bool {
	set := make(map[string]bool, len(r.Ingredients))
	for _, in := range r.Ingredients {
		if in.Food != "" {
			set[in.Food] = true
		}
	}
	return set
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	shared := 0
	for k := range a {
		if b[k] {
			shared++
		}
	}
	return float64(shared) / float64(len(a)+len(b)-shared)
}
