package evaluate

import "math"

// add adds one person's list to the sums: a hit when any target is among
// the first k, and the list's NDCG@k with every target equally relevant.
func (m *Metrics) add(targets map[int64]bool, list []int64, k int) {
	dcg, hit := 0.0, false
	for i, id := range list[:min(k, len(list))] {
		if targets[id] {
			hit = true
			dcg += 1 / math.Log2(float64(i+2))
		}
	}
	ideal := 0.0
	for i := range min(k, len(targets)) {
		ideal += 1 / math.Log2(float64(i+2))
	}
	if hit {
		m.HitRate++
	}
	if ideal > 0 {
		m.NDCG += dcg / ideal
	}
}

// mean divides the sums by the number of people.
func (m Metrics) mean(n int) Metrics {
	if n == 0 {
		return Metrics{}
	}
	return Metrics{HitRate: m.HitRate / float64(n), NDCG: m.NDCG / float64(n)}
}
