package app_test

import (
	"context"
	"testing"

	"github.com/mealplanner/backend/domain/recipe"
)

// TestSnapshotFollowsCatalogueChanges: the in-memory catalogue used by the
// AI must see an admin's change at once, and be reused while nothing changed.
func TestSnapshotFollowsCatalogueChanges(t *testing.T) {
	t.Parallel()
	cat, _ := newCatalogue(t)
	ctx := context.Background()
	var seed []recipe.Recipe
	for id := int64(1); id <= 1200; id++ { // more than one GetMany batch
		seed = append(seed, stew(id, "Stew"))
	}
	if _, err := cat.Seed(ctx, seed); err != nil {
		t.Fatal(err)
	}
	first, err := cat.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Recipes) != 1200 {
		t.Fatalf("snapshot holds %d recipes, want 1200", len(first.Recipes))
	}
	if r, ok := first.Recipe(1200); !ok || r.ID != 1200 || len(r.Ingredients) != 2 {
		t.Errorf("Recipe(1200) = %+v, %v: want the full recipe", r, ok)
	}
	again, err := cat.Snapshot(ctx)
	if err != nil || again != first {
		t.Errorf("an unchanged catalogue was read again (%v)", err)
	}
	if err := cat.DeleteRecipe(ctx, admin, 7); err != nil {
		t.Fatal(err)
	}
	after, err := cat.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := after.Recipe(7); ok || len(after.Recipes) != 1199 {
		t.Errorf("after deleting 7: %d recipes, 7 present %v", len(after.Recipes), ok)
	}
}
