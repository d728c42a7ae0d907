package recipe

import "testing"

func TestRestrictionsViolation(t *testing.T) {
	r := &Recipe{
		DietaryTags: []string{"Vegetarian", "Nut-Free"},
		Allergens:   []string{"Dairy", "Eggs"},
		Ingredients: []Ingredient{{Name: "Button Mushrooms", Food: "mushroom"}, {Name: "Peanut butter", Food: "peanut butter"}},
	}
	tests := []struct {
		name string
		x    Restrictions
		want string
	}{
		{"nothing restricted", Restrictions{}, ""},
		{"diet held, any case", Restrictions{Dietary: []string{"vegetarian", " nut-free "}}, ""},
		{"diet broken", Restrictions{Dietary: []string{"Vegan"}}, "not Vegan"},
		{"contract allergen", Restrictions{Allergies: []string{"eggs"}}, "contains eggs"},
		{"contract allergen absent", Restrictions{Allergies: []string{"Shellfish"}}, ""},
		{"free-text allergy by ingredient name", Restrictions{Allergies: []string{"PEANUT"}}, "contains peanut"},
		{"dislike by food key", Restrictions{Dislikes: []string{"mushroom"}}, "contains mushroom"},
		{"dislike absent", Restrictions{Dislikes: []string{"olive"}}, ""},
		{"blank entries ignored", Restrictions{Dietary: []string{" "}, Allergies: []string{""}, Dislikes: []string{"  "}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.x.Violation(r); got != tt.want {
				t.Errorf("Violation = %q, want %q", got, tt.want)
			}
			if got := tt.x.Allows(r); got != (tt.want == "") {
				t.Errorf("Allows = %v", got)
			}
		})
	}
}
