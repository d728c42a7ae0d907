package food

import (
	"slices"
	"testing"
)

func TestAllergens(t *testing.T) {
	t.Parallel()
	table := mustLoad(t)
	cases := map[string][]string{
		"pesto":         {"Tree Nuts", "Dairy"},
		"peanut butter": {"Peanuts"},
		"prawn":         {"Shellfish"},
		"fish sauce":    {"Fish"},
		"mayonnaise":    {"Eggs"},
		"soy sauce":     {"Soy", "Gluten"},
		"tahini":        {"Sesame"},
		"croissant":     {"Eggs", "Dairy", "Gluten"},
		"mixed nut":     {"Peanuts", "Tree Nuts"},
		"carrot":        nil,
		"coconut milk":  nil,
	}
	for key, want := range cases {
		f, ok := table.Lookup(key)
		if !ok {
			t.Fatalf("no food %q", key)
		}
		if got := f.Allergens(); !slices.Equal(got, want) {
			t.Errorf("%s.Allergens() = %q, want %q", key, got, want)
		}
	}
}

// breakCases say which foods each dietary value rules out.
var breakCases = []struct {
	key, dietary string
	want         bool
}{
	{"chicken thigh", "Vegetarian", true},
	{"chicken thigh", "Pescatarian", true},
	{"salmon", "Pescatarian", false},
	{"salmon", "vegetarian", true},
	{"fish sauce", "Vegetarian", true},
	{"worcestershire sauce", "Vegetarian", true},
	{"gelatine", "Vegetarian", true},
	{"marshmallow", "Pescatarian", true},
	{"cheddar", "Vegetarian", false},
	{"cheddar", "Vegan", true},
	{"egg", "Vegan", true},
	{"honey", "Vegan", true},
	{"honey", "Vegetarian", false},
	{"tofu", "VEGAN", false},
	{"bread", "Gluten-Free", true},
	{"rolled oats", "gluten-free", true},
	{"tamari", "Gluten-Free", false},
	{"soy sauce", "Gluten-Free", true},
	{"butter", "Dairy-Free", true},
	{"margarine", "Dairy-Free", false},
	{"almond", "Nut-Free", true},
	{"peanut oil", "Nut-Free", true},
	{"desiccated coconut", "Nut-Free", false},
	{"sugar", "Keto", true},
	{"honey", "Low-Carb", true},
	{"white rice", "Keto", true},
	{"cheddar", "Keto", false},
	{"banana", "Low-Carb", true},
	{"broccoli", "Keto", false},
	{"bread", "Paleo", true},
	{"green lentil", "Paleo", true},
	{"cheddar", "Paleo", true},
	{"sugar", "Paleo", true},
	{"sweet potato", "Paleo", false},
	{"honey", "Paleo", false},
	{"date", "Paleo", false},
	{"ribeye steak", "Paleo", false},
	{"chicken thigh", "Carnivore", false},
}

func TestBreaks(t *testing.T) {
	t.Parallel()
	table := mustLoad(t)
	for _, c := range breakCases {
		f, ok := table.Lookup(c.key)
		if !ok {
			t.Fatalf("no food %q", c.key)
		}
		if got := f.Breaks(c.dietary); got != c.want {
			t.Errorf("%s.Breaks(%q) = %v, want %v (flags %v)", c.key, c.dietary, got, c.want, f.Flags)
		}
	}
}

func TestImpliedFlags(t *testing.T) {
	t.Parallel()
	table := mustLoad(t)
	for f := range table.All() {
		if f.Has(Pork) && !f.Has(Meat) {
			t.Errorf("%s: pork without meat", f.Key)
		}
		if f.Flags.Any(Meat|Fish|Shellfish|Dairy|Egg) && !f.Has(AnimalProduct) {
			t.Errorf("%s: %v without animal_product", f.Key, f.Flags)
		}
	}
}

func TestFlagNames(t *testing.T) {
	t.Parallel()
	for i, name := range flagNames {
		f, ok := ParseFlag(name)
		if !ok || f != 1<<i || f.String() != name {
			t.Errorf("ParseFlag(%q) = %v, %v", name, f, ok)
		}
	}
	if _, ok := ParseFlag("Meat"); ok {
		t.Error("flag names are lower case in the data file")
	}
	if got := (Meat | Pork | HighCarb).String(); got != "meat|pork|high_carb" {
		t.Errorf("String() = %q", got)
	}
}
