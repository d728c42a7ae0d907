package food

import (
	"slices"
	"testing"
)

func TestSections(t *testing.T) {
	t.Parallel()
	want := []string{"Produce", "Meat & Seafood", "Dairy & Eggs", "Bakery", "Pantry", "Canned & Jarred",
		"Frozen", "Beverages", "Condiments & Sauces", "Snacks", "Other"}
	got := Sections()
	if !slices.Equal(got, want) {
		t.Fatalf("Sections() = %q", got)
	}
	got[0] = "changed"
	if Sections()[0] != "Produce" {
		t.Error("Sections() exposes its backing array")
	}
	for i, s := range want {
		if r := SectionRank(s); r != i {
			t.Errorf("SectionRank(%q) = %d, want %d", s, r, i)
		}
	}
	ranks := map[string]int{"produce": 0, " condiments & sauces ": 8, "OTHER": 10, "Deli": 10, "": 10}
	for name, want := range ranks {
		if r := SectionRank(name); r != want {
			t.Errorf("SectionRank(%q) = %d, want %d", name, r, want)
		}
	}
	if s, ok := CanonicalSection("dairy & EGGS"); !ok || s != "Dairy & Eggs" {
		t.Errorf("CanonicalSection = %q, %v", s, ok)
	}
	if _, ok := CanonicalSection("Deli"); ok {
		t.Error("CanonicalSection accepted an unknown section")
	}
}

func TestNutrients(t *testing.T) {
	t.Parallel()
	a := Nutrients{Calories: 100, Protein: 10, Carbohydrate: 20, Fat: 5, Fiber: 2, Sugars: 3, Sodium: 400}
	b := Nutrients{Calories: 1, Protein: 2, Carbohydrate: 3, Fat: 4, Fiber: 5, Sugars: 6, Sodium: 7}
	if got, want := a.Add(b), (Nutrients{101, 12, 23, 9, 7, 9, 407}); got != want {
		t.Errorf("Add = %+v, want %+v", got, want)
	}
	if got, want := a.Scale(1.5), (Nutrients{150, 15, 30, 7.5, 3, 4.5, 600}); got != want {
		t.Errorf("Scale = %+v, want %+v", got, want)
	}
	if got := a.Scale(0); got != (Nutrients{}) {
		t.Errorf("Scale(0) = %+v", got)
	}
}
