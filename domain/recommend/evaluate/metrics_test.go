package evaluate

import (
	"math"
	"testing"
)

func TestMetrics(t *testing.T) {
	t.Parallel()
	discount := func(rank int) float64 { return 1 / math.Log2(float64(rank+1)) }
	tests := []struct {
		name     string
		targets  []int64
		list     []int64
		k        int
		hit      float64
		wantNDCG float64
	}{
		{"first place", []int64{1}, []int64{1, 2, 3}, 3, 1, 1},
		{"third place", []int64{3}, []int64{1, 2, 3}, 3, 1, discount(3)},
		{"beyond k", []int64{3}, []int64{1, 2, 3}, 2, 0, 0},
		{"miss", []int64{9}, []int64{1, 2, 3}, 3, 0, 0},
		{"both of two", []int64{1, 2}, []int64{2, 1, 3}, 3, 1, 1},
		{"one of two", []int64{1, 9}, []int64{5, 1}, 2, 1, discount(2) / (1 + discount(2))},
		{"more targets than places", []int64{1, 2, 3}, []int64{1, 7}, 2, 1, 1 / (1 + discount(2))},
	}
	for _, tt := range tests {
		targets := map[int64]bool{}
		for _, id := range tt.targets {
			targets[id] = true
		}
		var m Metrics
		m.add(targets, tt.list, tt.k)
		if m.HitRate != tt.hit || math.Abs(m.NDCG-tt.wantNDCG) > 1e-12 {
			t.Errorf("%s: hit %v NDCG %v, want %v and %v", tt.name, m.HitRate, m.NDCG, tt.hit, tt.wantNDCG)
		}
	}
	if got := (Metrics{HitRate: 3, NDCG: 1.5}).mean(6); got != (Metrics{HitRate: 0.5, NDCG: 0.25}) {
		t.Errorf("mean = %+v", got)
	}
}
