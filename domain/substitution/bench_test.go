package substitution

import (
	"testing"

	"github.com/mealplanner/backend/domain/food"
)

// BenchmarkFor is one request of the endpoint at its heaviest: free text to
// match, a recipe whose use must be inferred, a diet and allergies to apply.
func BenchmarkFor(b *testing.B) {
	g := mustGuide(b)
	opts := Options{Dietary: []string{"Vegan", "Gluten-Free"}, Allergies: []string{"Tree Nuts", "sesame", "kiwi"},
		Recipe: spongeCake}
	for b.Loop() {
		if len(g.For("2 large free-range eggs", opts)) == 0 {
			b.Fatal("no alternatives")
		}
	}
}

// BenchmarkForPlain is a lookup without options.
func BenchmarkForPlain(b *testing.B) {
	g := mustGuide(b)
	for b.Loop() {
		g.For("unsalted butter, softened", Options{})
	}
}

// BenchmarkNew is the start-up cost: parsing and checking the whole base.
func BenchmarkNew(b *testing.B) {
	table, err := food.Load()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := New(table); err != nil {
			b.Fatal(err)
		}
	}
}
