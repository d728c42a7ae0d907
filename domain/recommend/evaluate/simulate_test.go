package evaluate

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/mealplanner/backend/domain/recipe"
)

// TestPeopleKeepTheirRestrictions: nobody ever favourites, rates or plans a
// recipe their declared diet, allergies or dislikes forbid.
func TestPeopleKeepTheirRestrictions(t *testing.T) {
	t.Parallel()
	w := newWorld(mustSeed(t), 5)
	restricted := 0
	for i := range 300 {
		p := w.person(i, rand.New(rand.NewPCG(5, uint64(i)+1)))
		x := recipe.Restrictions{Dietary: p.prefs.Dietary, Allergies: p.prefs.Allergies, Dislikes: p.prefs.DislikedIngredients}
		if !x.IsZero() {
			restricted++
		}
		for _, e := range p.events {
			if r := w.recipes[e.recipe]; !x.Allows(r) {
				t.Fatalf("%s (%v) chose %q, which is %s", p.id, p.prefs.Dietary, r.Name, x.Violation(r))
			}
		}
	}
	if restricted < 30 {
		t.Fatalf("only %d of 300 people have restrictions: the test proves little", restricted)
	}
}

func TestSplit(t *testing.T) {
	t.Parallel()
	rs := mustSeed(t)
	w := &world{recipes: rs, allow: map[string][]bool{}}
	p := &person{events: []event{
		{day: 1, recipe: 0, kind: planned}, {day: 1, recipe: 0, kind: rated, stars: 4},
		{day: 3, recipe: 1, kind: favorited}, {day: 5, recipe: 2, kind: planned},
		{day: 8, recipe: 3, kind: planned}, {day: 9, recipe: 1, kind: planned},
		{day: 12, recipe: 4, kind: planned}, {day: 20, recipe: 2, kind: rated, stars: 2},
		{day: 30, recipe: 5, kind: favorited}, {day: 31, recipe: 6, kind: planned},
	}, utility: make([]float64, len(rs))}
	tr := w.split(p, 0.2)
	seen := []int64{rs[0].ID, rs[1].ID, rs[2].ID, rs[3].ID, rs[4].ID}
	slices.Sort(seen)
	checks := []struct {
		what      string
		got, want any
	}{
		{"seen", tr.seen, seen},
		{"targets", tr.targets, map[int64]bool{rs[5].ID: true, rs[6].ID: true}},
		{"today", tr.today, simStart.AddDays(30)},
		{"held out", tr.heldOut, 2},
		{"ratings", tr.profile.Ratings, map[int64]int{rs[0].ID: 4, rs[2].ID: 2}},
		{"favourites", tr.profile.Favorites, []int64{rs[1].ID}},
		{"planned meals", len(tr.profile.Planned), 5},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: %v, want %v", c.what, c.got, c.want)
		}
	}
}

func TestChooserFollowsUtility(t *testing.T) {
	t.Parallel()
	inf := math.Inf(-1)
	choose := chooser([]float64{inf, 0, choiceTemperature * math.Log(3), inf})
	counts := make([]int, 4)
	rng := rand.New(rand.NewPCG(1, 1))
	for range 40_000 {
		counts[choose(rng)]++
	}
	// exp(u/T) gives weights 1 and 3: a quarter and three quarters.
	if counts[0] != 0 || counts[3] != 0 || counts[1] < 9_500 || counts[1] > 10_500 {
		t.Errorf("draws %v, want about 0, 10 000, 30 000, 0", counts)
	}
	if chooser([]float64{inf, inf}) != nil {
		t.Error("a chooser without any allowed recipe")
	}
}
