package recommend

import "math"

// tasteValues are the candidates' cosine similarity to the person's taste:
// the sum of the content vectors of their history, each weighted by what
// it says (a one-star rating subtracts). 0 for all without a liked recipe.
func (ix *Index) tasteValues(h *history, pool []int32) []float64 {
	out := make([]float64, len(pool))
	if !h.positive() {
		return out
	}
	taste := make([]float64, ix.features)
	for _, id := range h.ids {
		if at, ok := ix.byID[id]; ok && h.weight[id] != 0 {
			w := h.weight[id]
			v := ix.entries[at].vec
			for i, f := range v.ids {
				taste[f] += w * float64(v.vals[i])
			}
		}
	}
	norm := 0.0
	for _, x := range taste {
		norm += x * x
	}
	if norm == 0 {
		return out
	}
	norm = math.Sqrt(norm)
	for k, at := range pool {
		out[k] = math.Max(0, ix.entries[at].vec.dotDense(taste)/norm)
	}
	return out
}

// peopleValues are, for each candidate, the weighted mean over the liked
// recipes of the history of how strongly people pair them with it.
func (ix *Index) peopleValues(h *history, co *CoOccurrence, pool []int32) []float64 {
	out := make([]float64, len(pool))
	var sums []float64 // by index position; allocated once a neighbour is found
	total := 0.0
	for _, id := range h.ids {
		w := h.weight[id]
		if w <= 0 {
			continue
		}
		total += w
		for _, n := range co.Neighbours(id) {
			if at, ok := ix.byID[n.RecipeID]; ok {
				if sums == nil {
					sums = make([]float64, len(ix.entries))
				}
				sums[at] += w * n.Similarity
			}
		}
	}
	if sums == nil {
		return out
	}
	for k, at := range pool {
		out[k] = sums[at] / total
	}
	return out
}
