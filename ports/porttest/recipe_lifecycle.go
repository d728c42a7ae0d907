package porttest

import (
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/recipe"
)

func recipesUpdate(t *testing.T, s Stores) {
	all := mustSeedRecipes(t, s)
	later := storeEpoch.Add(time.Hour)
	saved, err := s.Recipes.Update(t.Context(), 101, func(cur *recipe.Recipe) error {
		assertRecipe(t, cur, all[101])
		cur.Name, cur.Tags, cur.Ingredients = "Chicken Tikka", []string{"Grill"}, cur.Ingredients[:1]
		cur.Nutrition.Calories, cur.UpdatedAt = 300, later
		// what only the stores maintain is not the closure's to change
		cur.ID, cur.Rating, cur.ReviewCount, cur.FavoriteCount, cur.CreatedAt, cur.DeletedAt = 5, 1, 1, 1, later, &later
		return nil
	})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	want := *all[101]
	want.Name, want.Tags, want.Ingredients = "Chicken Tikka", []string{"Grill"}, want.Ingredients[:1]
	want.Nutrition.Calories, want.UpdatedAt = 300, later
	assertRecipe(t, saved, &want)
	assertRecipe(t, mustGetRecipe(t, s, 101), &want)
	if _, err := s.Recipes.Get(t.Context(), 5); !domain.IsCode(err, domain.CodeNotFound) {
		t.Errorf("Get(5) after an Update that set ID 5: %v, want NOT_FOUND", err)
	}
	assertIDsOf(t, "search for the new tag", mustSearch(t, s, recipe.Criteria{Query: "grill"}), 101)
	assertIDsOf(t, "search for a dropped ingredient", mustSearch(t, s, recipe.Criteria{Query: "basmati"}))
}

func recipesUpdateRefused(t *testing.T, s Stores) {
	all := mustSeedRecipes(t, s)
	_, err := s.Recipes.Update(t.Context(), 102, func(cur *recipe.Recipe) error {
		cur.Name, cur.Tags[0] = "half done", "x"
		return errStoreClosure
	})
	if err != errStoreClosure {
		t.Fatalf("Update returned %v, want the closure's error as is", err)
	}
	assertRecipe(t, mustGetRecipe(t, s, 102), all[102])
	called := false
	_, err = s.Recipes.Update(t.Context(), 999, func(*recipe.Recipe) error { called = true; return nil })
	assertCode(t, err, domain.ErrNotFound, "Update unknown")
	if called {
		t.Error("the closure ran for an unknown recipe")
	}
}

func recipesGetMany(t *testing.T, s Stores) {
	all := mustSeedRecipes(t, s)
	if err := s.Recipes.Delete(t.Context(), 103, storeEpoch); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	got, err := s.Recipes.GetMany(t.Context(), []int64{105, 9999, 103, 101, 105})
	if err != nil {
		t.Fatalf("GetMany: %v", err)
	}
	want := []*recipe.Recipe{all[105], all[101], all[105]}
	if len(got) != len(want) {
		t.Fatalf("GetMany returned %d recipes, want %d", len(got), len(want))
	}
	for i := range got {
		assertRecipe(t, got[i], want[i])
	}
	if got[0] == got[2] {
		t.Error("GetMany returned the same value twice; each must be a copy")
	}
	none, err := s.Recipes.GetMany(t.Context(), nil)
	if err != nil || none == nil || len(none) != 0 {
		t.Errorf("GetMany(nil) = %v, %v; want an empty list", none, err)
	}
}

func recipesDelete(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	u := mustCreateUser(t, s, storeEmail(storeTag(), "del"))
	for _, id := range []int64{104, 101} {
		if err := s.Favorites.Add(t.Context(), u.ID, id, storeEpoch.Add(time.Duration(id)*time.Second)); err != nil {
			t.Fatalf("Favorites.Add: %v", err)
		}
	}
	for _, id := range []int64{104, 108} {
		if err := s.Recipes.Delete(t.Context(), id, storeEpoch); err != nil {
			t.Fatalf("Delete(%d): %v", id, err)
		}
	}
	_, err := s.Recipes.Get(t.Context(), 104)
	assertCode(t, err, domain.ErrNotFound, "Get deleted")
	_, err = s.Recipes.Update(t.Context(), 104, func(*recipe.Recipe) error { return nil })
	assertCode(t, err, domain.ErrNotFound, "Update deleted")
	assertCode(t, s.Recipes.Delete(t.Context(), 104, storeEpoch), domain.ErrNotFound, "Delete deleted")
	assertCode(t, s.Recipes.Delete(t.Context(), 999, storeEpoch), domain.ErrNotFound, "Delete unknown")
	got, _ := s.Recipes.GetMany(t.Context(), []int64{104, 101})
	if len(got) != 1 || got[0].ID != 101 {
		t.Errorf("GetMany(104, 101) after deleting 104 = %d recipes, want 101 only", len(got))
	}
	assertDeletedHidden(t, s, u.ID)
}

// assertDeletedHidden checks that 104 and 108, deleted, and the user's
// favourite of 104 appear in no listing.
func assertDeletedHidden(t *testing.T, s Stores, userID string) {
	t.Helper()
	all := mustSearch(t, s, recipe.Criteria{Sort: recipe.SortName})
	if all.total != 10 || len(all.ids) != 10 || contains64(all.ids, 104) || contains64(all.ids, 108) {
		t.Errorf("search lists %v (total %d), want the 10 live recipes", all.ids, all.total)
	}
	assertIDsOf(t, "risotto", mustSearch(t, s, recipe.Criteria{Query: "risotto"}), 105)
	assertIDsOf(t, "dessert", mustSearch(t, s, recipe.Criteria{Category: "Dessert"}))
	cats := mustCategories(t, s)
	if findCategory(cats, "Dessert") != nil {
		t.Errorf("Categories still lists Dessert, whose only recipe is deleted: %+v", cats)
	}
	if c := findCategory(cats, "Vegetarian"); c == nil || c.Count != 1 || c.Thumbnail != thumb(112) {
		t.Errorf("Vegetarian = %+v, want 1 recipe with the thumbnail of 112", c)
	}
	if cuisines := mustCuisines(t, s); contains(cuisines, "Australian") {
		t.Errorf("Cuisines still lists Australian: %v", cuisines)
	}
	favs, n, err := s.Favorites.List(t.Context(), userID, 0, 10)
	if err != nil || n != 1 || len(favs) != 1 || favs[0].RecipeID != 101 {
		t.Errorf("Favorites.List = %+v, %d, %v; want 101 only", favs, n, err)
	}
}

func contains64(list []int64, v int64) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
