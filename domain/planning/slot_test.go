package planning

import (
	"strings"
	"testing"
)

func TestParseMealType(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want MealType
		ok   bool
	}{
		{"breakfast", Breakfast, true},
		{"Lunch", Lunch, true},
		{"DINNER", Dinner, true},
		{" snacks ", Snacks, true},
		{"snack", "", false},
		{"brunch", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got, err := ParseMealType(tt.in)
			if !tt.ok {
				e := wantValidation(t, err, "invalid meal type")
				if e.Details["mealType"] == nil {
					t.Errorf("details = %v, want mealType", e.Details)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseMealType(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
	got := MealTypes()
	if strings.Join([]string{string(got[0]), string(got[1]), string(got[2]), string(got[3])}, ",") != "breakfast,lunch,dinner,snacks" || len(got) != 4 {
		t.Errorf("MealTypes() = %v", got)
	}
	got[0] = "changed"
	if MealTypes()[0] != Breakfast {
		t.Error("MealTypes shares its slice")
	}
}

func TestSlotValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		slot  Slot
		field string
	}{
		{"valid", Slot{RecipeID: 52772, Servings: 1}, ""},
		{"max servings", Slot{RecipeID: 1, Servings: 50, Note: strings.Repeat("é", 200)}, ""},
		{"zero servings", Slot{RecipeID: 1, Servings: 0}, "servings"},
		{"too many servings", Slot{RecipeID: 1, Servings: 51}, "servings"},
		{"no recipe", Slot{Servings: 2}, "recipeId"},
		{"negative recipe", Slot{RecipeID: -4, Servings: 2}, "recipeId"},
		{"long note", Slot{RecipeID: 1, Servings: 2, Note: strings.Repeat("a", 201)}, "note"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.slot.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			e := wantValidation(t, err, "")
			if e.Details[tt.field] == nil {
				t.Errorf("details = %v, want %s", e.Details, tt.field)
			}
		})
	}
}

func TestNewSlot(t *testing.T) {
	t.Parallel()
	s, err := NewSlot(52772, "Teriyaki Chicken", "https://x/t.jpg", "Chicken", 4, "double sauce", t1)
	if err != nil {
		t.Fatalf("NewSlot: %v", err)
	}
	if s.RecipeID != 52772 || s.Servings != 4 || !s.AddedAt.Equal(t1) || s.Note != "double sauce" {
		t.Errorf("NewSlot = %+v", s)
	}
	if _, err := NewSlot(1, "", "", "", 0, "", t1); err == nil {
		t.Error("NewSlot accepted 0 servings")
	}
}

func TestDefaultServings(t *testing.T) {
	t.Parallel()
	tests := []struct{ household, want int }{
		{0, 2}, {-3, 2}, {1, 1}, {4, 4}, {10, 10}, {50, 50}, {60, 50},
	}
	for _, tt := range tests {
		if got := DefaultServings(tt.household); got != tt.want {
			t.Errorf("DefaultServings(%d) = %d, want %d", tt.household, got, tt.want)
		}
	}
}
