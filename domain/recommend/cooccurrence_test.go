package recommend_test

import (
	"math"
	"testing"

	"github.com/mealplanner/backend/domain/recommend"
)

type choice struct {
	user   string
	recipe int64
	weight float64
}

func TestCoOccurrenceSimilarity(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		choices []choice
		a, b    int64
		want    float64 // cosine over people, shrunk by n/(n+3)
	}{
		{"one person", []choice{{"ann", 1, 1}, {"ann", 2, 1}}, 1, 2, 1.0 / 4},
		{"two people agree", []choice{{"ann", 1, 1}, {"ann", 2, 1}, {"bob", 1, 1}, {"bob", 2, 1}}, 1, 2, 2.0 / 5},
		{"one of two people", []choice{{"ann", 1, 1}, {"ann", 2, 1}, {"bob", 1, 1}}, 1, 2, 1 / math.Sqrt2 / 4},
		{"weights count", []choice{{"ann", 1, 2}, {"ann", 2, 1}, {"bob", 1, 1}, {"bob", 3, 1}}, 1, 2,
			2 / math.Sqrt(5) / 4},
		{"weights add up to a cap of 2", []choice{{"ann", 1, 1.5}, {"ann", 1, 1.5}, {"ann", 2, 1}, {"bob", 1, 1},
			{"bob", 3, 1}}, 1, 2, 2 / math.Sqrt(5) / 4},
		{"never together", []choice{{"ann", 1, 1}, {"bob", 2, 1}}, 1, 2, 0},
		{"dislikes ignored", []choice{{"ann", 1, 1}, {"ann", 2, -1}, {"ann", 3, 0}}, 1, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := recommend.NewInteractions()
			for _, c := range tt.choices {
				in.Add(c.user, c.recipe, c.weight)
			}
			co := in.CoOccurrence(0)
			if got := similarity(co, tt.a, tt.b); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("similarity(%d, %d) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
			if ab, ba := similarity(co, tt.a, tt.b), similarity(co, tt.b, tt.a); ab != ba {
				t.Errorf("not symmetric: %v and %v", ab, ba)
			}
		})
	}
}

func similarity(co *recommend.CoOccurrence, a, b int64) float64 {
	for _, n := range co.Neighbours(a) {
		if n.RecipeID == b {
			return n.Similarity
		}
	}
	return 0
}

func TestCoOccurrenceKeepsStrongestNeighbours(t *testing.T) {
	t.Parallel()
	in := recommend.NewInteractions()
	// Recipe 0 shares i people with recipe i.
	for i := int64(1); i <= 9; i++ {
		for u := range i {
			user := string(rune('a' + u))
			in.Add(user, 0, 1)
			in.Add(user, i, 1)
		}
	}
	got := in.CoOccurrence(3).Neighbours(0)
	if len(got) != 3 || got[0].RecipeID != 9 || got[1].RecipeID != 8 || got[2].RecipeID != 7 {
		t.Errorf("neighbours of 0: %+v, want 9, 8, 7", got)
	}
	for _, n := range got {
		if len(in.CoOccurrence(3).Neighbours(n.RecipeID)) > 3 {
			t.Errorf("recipe %d keeps more than 3 neighbours", n.RecipeID)
		}
	}
}

func TestAddProfile(t *testing.T) {
	t.Parallel()
	in := recommend.NewInteractions()
	in.AddProfile("ann", recommend.Profile{Favorites: []int64{1}, Ratings: map[int64]int{2: 5, 3: 3, 4: 1},
		Planned: []recommend.Planned{{RecipeID: 5, Date: today}}})
	co := in.CoOccurrence(0)
	for id, want := range map[int64]int{1: 1, 2: 1, 3: 0, 4: 0, 5: 1} {
		if got := co.People(id); got != want {
			t.Errorf("People(%d) = %d, want %d", id, got, want)
		}
	}
	var none *recommend.CoOccurrence
	if none.People(1) != 0 || none.Neighbours(1) != nil {
		t.Error("the nil CoOccurrence should know nothing")
	}
}
