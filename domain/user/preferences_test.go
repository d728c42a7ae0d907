package user_test

import (
	"reflect"
	"testing"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/user"
)

func ptr[T any](v T) *T { return &v }

func TestPreferencesApplyCanonicalises(t *testing.T) {
	t.Parallel()
	p := user.DefaultPreferences()
	got, err := p.Apply(user.PreferencesPatch{
		Theme:               ptr("DARK"),
		Dietary:             &[]string{"vegan", "GLUTEN-free", "vegan"},
		Allergies:           &[]string{"peanuts", "kiwi fruit", " "},
		DislikedIngredients: &[]string{"  Coriander  Leaves ", "coriander leaves"},
		FavoriteCuisines:    &[]string{"italian", "south INDIAN"},
		HouseholdSize:       ptr(4),
		SkillLevel:          ptr("Beginner"),
		MaxPrepTime:         &user.Nullable[int]{Valid: true, Value: 45},
		UnitSystem:          ptr("US"),
		Timezone:            ptr("Europe/London"),
		NutritionTargets:    &user.Nullable[user.NutritionTargets]{Valid: true, Value: user.NutritionTargets{Calories: 2000, Protein: 100, Carbohydrate: 250, Fat: 70, Fiber: 30, Sodium: 2300}},
		Email:               &user.EmailPatch{WeeklySummary: ptr(false)},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := user.Preferences{
		Theme: "dark", Notifications: true,
		Dietary:             []string{"Vegan", "Gluten-Free"},
		Allergies:           []string{"Peanuts", "kiwi fruit"},
		DislikedIngredients: []string{"coriander leaves"},
		FavoriteCuisines:    []string{"Italian", "South Indian"},
		HouseholdSize:       4, SkillLevel: "beginner", MaxPrepTime: ptr(45), UnitSystem: "us", Timezone: "Europe/London",
		NutritionTargets: &user.NutritionTargets{Calories: 2000, Protein: 100, Carbohydrate: 250, Fat: 70, Fiber: 30, Sodium: 2300},
		Email:            user.EmailPreferences{WeeklyReminder: true, WeeklySummary: false, ShoppingList: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Apply =\n%+v\nwant\n%+v", got, want)
	}
	if !reflect.DeepEqual(p, user.DefaultPreferences()) {
		t.Error("Apply changed its receiver")
	}
}

func TestPreferencesApplyClearsNullables(t *testing.T) {
	t.Parallel()
	p := user.DefaultPreferences()
	p.MaxPrepTime = ptr(30)
	p.NutritionTargets = &user.NutritionTargets{Calories: 1800}
	got, err := p.Apply(user.PreferencesPatch{MaxPrepTime: &user.Nullable[int]{}, NutritionTargets: &user.Nullable[user.NutritionTargets]{}})
	if err != nil {
		t.Fatal(err)
	}
	if got.MaxPrepTime != nil || got.NutritionTargets != nil {
		t.Errorf("null did not clear: %+v", got)
	}
}

func TestPreferencesApplyRejectsEveryBadField(t *testing.T) {
	t.Parallel()
	tests := map[string]user.PreferencesPatch{
		"theme":                {Theme: ptr("blue")},
		"dietary":              {Dietary: &[]string{"Vegan", "Carnivore"}},
		"householdSize":        {HouseholdSize: ptr(0)},
		"skillLevel":           {SkillLevel: ptr("chef")},
		"maxPrepTime":          {MaxPrepTime: &user.Nullable[int]{Valid: true, Value: -5}},
		"unitSystem":           {UnitSystem: ptr("imperial")},
		"timezone":             {Timezone: ptr("Mars/Olympus")},
		"nutritionTargets.fat": {NutritionTargets: &user.Nullable[user.NutritionTargets]{Valid: true, Value: user.NutritionTargets{Calories: 2000, Fat: -1}}},
		"allergies":            {Allergies: &[]string{string(make([]byte, 101))}},
		"dislikedIngredients":  {DislikedIngredients: &[]string{string(make([]rune, 101))}},
	}
	for field, patch := range tests {
		_, err := user.DefaultPreferences().Apply(patch)
		var de *domain.Error
		if !asError(err, &de) || de.Code != domain.CodeValidation {
			t.Errorf("%s: Apply error = %v, want a validation error", field, err)
			continue
		}
		if _, ok := de.Details[field]; !ok {
			t.Errorf("%s: details %v do not name the field", field, de.Details)
		}
	}
}

func TestPreferencesApplyReportsAllFields(t *testing.T) {
	t.Parallel()
	_, err := user.DefaultPreferences().Apply(user.PreferencesPatch{Theme: ptr("x"), HouseholdSize: ptr(11)})
	var de *domain.Error
	if !asError(err, &de) || len(de.Details) != 2 {
		t.Fatalf("want two field errors, got %v", err)
	}
}

func TestCanonicalDiet(t *testing.T) {
	for in, want := range map[string]string{"vegan": "Vegan", " gluten-free ": "Gluten-Free", "LOW-CARB": "Low-Carb"} {
		if got, ok := user.CanonicalDiet(in); !ok || got != want {
			t.Errorf("CanonicalDiet(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"carnivore", "", "vegans"} {
		if got, ok := user.CanonicalDiet(in); ok {
			t.Errorf("CanonicalDiet(%q) = %q accepted", in, got)
		}
	}
}
