package recommend_test

import (
	"math"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/recommend"
)

func TestNewIndexSkipsDeletedAndDuplicates(t *testing.T) {
	t.Parallel()
	gone := time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)
	rs := []*recipe.Recipe{{ID: 1, Name: "first"}, nil, {ID: 2, DeletedAt: &gone}, {ID: 1, Name: "again"}, {ID: 3}}
	ix := recommend.NewIndex(rs)
	if ix.Len() != 2 {
		t.Errorf("Len() = %d, want 2", ix.Len())
	}
	if r, ok := ix.Recipe(1); !ok || r.Name != "first" {
		t.Errorf("Recipe(1) = %v, %v; want the first", r, ok)
	}
	if _, ok := ix.Recipe(2); ok {
		t.Error("a deleted recipe is indexed")
	}
}

func TestSimilarity(t *testing.T) {
	t.Parallel()
	ix := mustIndex(t)
	byName := map[string]int64{}
	for _, r := range mustSeed(t) {
		byName[r.Name] = r.ID
	}
	tests := []struct {
		a, b       string
		than, c, d string // Similarity(a, b) must exceed Similarity(c, d)
	}{
		{"Beef and Guinness Stew", "Beef Bourguignon", "than", "Beef and Guinness Stew", "Buttermilk Pancakes"},
		{"Buttermilk Pancakes", "Syrniki", "than", "Buttermilk Pancakes", "Beef Bourguignon"},
		{"Beef and Guinness Stew", "Beef and Guinness Stew", "than", "Beef and Guinness Stew", "Beef Bourguignon"},
	}
	for _, tt := range tests {
		for _, n := range []string{tt.a, tt.b, tt.c, tt.d} {
			if byName[n] == 0 {
				t.Fatalf("no seed recipe %q", n)
			}
		}
		ab, cd := ix.Similarity(byName[tt.a], byName[tt.b]), ix.Similarity(byName[tt.c], byName[tt.d])
		if ab <= cd {
			t.Errorf("%s ~ %s = %.3f, not above %s ~ %s = %.3f", tt.a, tt.b, ab, tt.c, tt.d, cd)
		}
	}
}

func TestSimilarityBounds(t *testing.T) {
	t.Parallel()
	ix, rs := mustIndex(t), mustSeed(t)
	for i, r := range rs[:40] {
		if self := ix.Similarity(r.ID, r.ID); self > 1+1e-6 || self < 0.8 {
			t.Errorf("%s is %.3f similar to itself", r.Name, self)
		}
		other := rs[len(rs)-1-i]
		if ab, ba := ix.Similarity(r.ID, other.ID), ix.Similarity(other.ID, r.ID); math.Abs(ab-ba) > 1e-12 || ab < 0 || ab > 1 {
			t.Errorf("%s ~ %s: %v one way, %v the other", r.Name, other.Name, ab, ba)
		}
	}
	if got := ix.Similarity(-1, rs[0].ID); got != 0 {
		t.Errorf("an unknown id is %v similar", got)
	}
}
