package recipe_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/recipe"
)

func table(t testing.TB) *food.Table {
	t.Helper()
	tb, err := food.Load()
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func omelette() recipe.Recipe {
	return recipe.Recipe{
		Name: "  Cheese Omelette ", Category: "breakfast", Cuisine: "French", Difficulty: "EASY",
		PrepTime: 5, CookTime: 5, Servings: 1, Tags: []string{"Quick", "quick"},
		Ingredients: []recipe.Ingredient{
			{Name: "eggs", Measure: "3 large"},
			{Name: "butter", Measure: "1 tbsp"},
			{Name: "cheddar cheese", Measure: "30g, grated"},
			{Name: "salt", Measure: "to taste"},
		},
		Instructions: []string{"Beat the eggs.", "Cook in the butter, add the cheese and fold."},
	}
}

func TestNewAnalysesIngredients(t *testing.T) {
	t.Parallel()
	r, err := recipe.New(omelette(), table(t), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "Cheese Omelette" || r.Category != "Breakfast" || r.Difficulty != recipe.Easy || !slices.Equal(r.Tags, []string{"quick"}) {
		t.Errorf("normalised fields: %+v", r)
	}
	eggs := r.Ingredients[0]
	if eggs.Food != "egg" || eggs.Quantity == nil || *eggs.Quantity != 3 || eggs.Unit != "" || eggs.Section != "Dairy & Eggs" {
		t.Errorf("eggs line: %+v", eggs)
	}
	if salt := r.Ingredients[3]; salt.Quantity != nil || salt.Food != "salt" {
		t.Errorf("salt line: %+v", salt)
	}
	for _, want := range []string{"Vegetarian", "Gluten-Free", "Nut-Free", "Keto", "Low-Carb"} {
		if !slices.Contains(r.DietaryTags, want) {
			t.Errorf("dietary tags %v lack %s", r.DietaryTags, want)
		}
	}
	for _, not := range []string{"Vegan", "Dairy-Free", "Paleo"} {
		if slices.Contains(r.DietaryTags, not) {
			t.Errorf("dietary tags %v wrongly include %s", r.DietaryTags, not)
		}
	}
	if !slices.Equal(r.Allergens, []string{"Eggs", "Dairy"}) {
		t.Errorf("allergens = %v", r.Allergens)
	}
	// 3 large eggs ≈ 180 g ≈ 250 kcal, 14 g butter ≈ 100 kcal, 30 g cheddar ≈ 120 kcal.
	if c := r.Nutrition.Calories; c < 400 || c > 560 {
		t.Errorf("calories per serving = %v, want about 470", c)
	}
}

func TestUnknownIngredientsStillBreakDiets(t *testing.T) {
	t.Parallel()
	r := omelette()
	r.Ingredients = append(r.Ingredients, recipe.Ingredient{Name: "kangaroo meat", Measure: "100g"})
	got, err := recipe.New(r, table(t), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(got.DietaryTags, "Vegetarian") || slices.Contains(got.DietaryTags, "Keto") {
		t.Errorf("an unknown meat left tags %v", got.DietaryTags)
	}
}

func TestNormaliseReportsEveryField(t *testing.T) {
	t.Parallel()
	r := recipe.Recipe{Category: "Soup", Difficulty: "extreme", PrepTime: -1, Servings: 0, SourceURL: "ftp://x"}
	_, err := recipe.New(r, table(t), time.Now())
	var de *domain.Error
	if e, ok := err.(*domain.Error); ok {
		de = e
	}
	if de == nil || de.Code != domain.CodeValidation {
		t.Fatalf("err = %v", err)
	}
	for _, f := range []string{"name", "category", "difficulty", "prepTime", "servings", "ingredients", "instructions", "sourceUrl"} {
		if _, ok := de.Details[f]; !ok {
			t.Errorf("details lack %s: %v", f, de.Details)
		}
	}
}

// TestSeedRecipesDeriveSensibleTags checks derivation against what the
// writers of the seed data knew: their vegan recipes are vegan, nothing with
// meat is vegetarian.
func TestSeedRecipesDeriveSensibleTags(t *testing.T) {
	t.Parallel()
	tb := table(t)
	files, _ := filepath.Glob("../../testdata/recipes/*.json")
	if len(files) == 0 {
		t.Fatal("no seed recipes")
	}
	var vegan, veganTagged, meaty int
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var rs []recipe.Recipe
		if err := json.Unmarshal(b, &rs); err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			got, err := recipe.New(r, tb, time.Now())
			if err != nil {
				t.Fatalf("seed recipe %d %q: %v", r.ID, r.Name, err)
			}
			if got.Category == "Vegan" {
				vegan++
				if slices.Contains(got.DietaryTags, "Vegan") {
					veganTagged++
				}
			}
			if (got.Category == "Beef" || got.Category == "Chicken" || got.Category == "Lamb" || got.Category == "Pork") &&
				slices.Contains(got.DietaryTags, "Vegetarian") {
				meaty++
				t.Errorf("%d %s is tagged Vegetarian", got.ID, got.Name)
			}
		}
	}
	if veganTagged*10 < vegan*9 {
		t.Errorf("only %d of %d Vegan-category recipes derive the Vegan tag", veganTagged, vegan)
	}
}
