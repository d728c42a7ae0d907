package porttest

import (
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/recipe"
)

// RecipeRepository runs the contract of ports.RecipeRepository. newStores
// must return an empty store each time (see Stores).
func RecipeRepository(t *testing.T, newStores func(t *testing.T) Stores) {
	t.Helper()
	run := func(name string, test func(*testing.T, Stores)) {
		t.Run(name, func(t *testing.T) { test(t, newStores(t)) })
	}
	run("create then get keeps every field", recipesRoundTrip)
	run("create with id 0 assigns the largest id plus one", recipesCreateAssigns)
	run("concurrent creates with id 0 get distinct ids", recipesCreateConcurrent)
	run("a taken or bad id is refused", recipesConflict)
	run("values are copied in and out", recipesCopies)
	run("save inserts, replaces and keeps aggregates", recipesSave)
	run("save many in one go", recipesSaveMany)
	run("update applies the closure and keeps aggregates", recipesUpdate)
	run("update whose closure fails changes nothing", recipesUpdateRefused)
	run("get many keeps the order and leaves out the missing", recipesGetMany)
	run("delete hides the recipe everywhere", recipesDelete)
	recipeSearchTests(run)
	recipeListingTests(run)
}

// mustSeedRecipes creates the sample catalogue and returns it by id, as given.
func mustSeedRecipes(t *testing.T, s Stores) map[int64]*recipe.Recipe {
	t.Helper()
	out := map[int64]*recipe.Recipe{}
	for _, r := range SampleRecipes() {
		if err := s.Recipes.Create(t.Context(), r); err != nil {
			t.Fatalf("Create(%d): %v", r.ID, err)
		}
		out[r.ID] = r
	}
	return out
}

func mustGetRecipe(t *testing.T, s Stores, id int64) *recipe.Recipe {
	t.Helper()
	r, err := s.Recipes.Get(t.Context(), id)
	if err != nil {
		t.Fatalf("Get(%d): %v", id, err)
	}
	return r
}

// storedRecipe is r as a store keeps it: lists never nil, times in UTC to
// the microsecond (f maps each time).
func storedRecipe(r *recipe.Recipe, f func(time.Time) time.Time) recipe.Recipe {
	c := *r
	nonNil := func(s []string) []string { return append([]string{}, s...) }
	c.Tags, c.Instructions, c.DietaryTags, c.Allergens = nonNil(r.Tags), nonNil(r.Instructions),
		nonNil(r.DietaryTags), nonNil(r.Allergens)
	c.Ingredients = append([]recipe.Ingredient{}, r.Ingredients...)
	c.CreatedAt, c.UpdatedAt = f(r.CreatedAt), f(r.UpdatedAt)
	if r.DeletedAt != nil {
		d := f(*r.DeletedAt)
		c.DeletedAt = &d
	}
	return c
}

// assertRecipe checks that got is want as a store keeps it.
func assertRecipe(t *testing.T, got, want *recipe.Recipe) {
	t.Helper()
	if got == nil {
		t.Fatalf("got no recipe, want %d", want.ID)
	}
	if got.CreatedAt.Location() != time.UTC || got.UpdatedAt.Location() != time.UTC {
		t.Errorf("recipe %d: times not in UTC: %v, %v", got.ID, got.CreatedAt, got.UpdatedAt)
	}
	for _, l := range [][]string{got.Tags, got.Instructions, got.DietaryTags, got.Allergens} {
		if l == nil {
			t.Errorf("recipe %d: a list came back nil, want []", got.ID)
		}
	}
	if g, w := storedRecipe(got, sameInstant), storedRecipe(want, storedTime); !reflect.DeepEqual(g, w) {
		t.Errorf("recipe %d differs\n got: %+v\nwant: %+v", want.ID, g, w)
	}
}

func recipesRoundTrip(t *testing.T, s Stores) {
	all := mustSeedRecipes(t, s)
	for id, want := range all {
		assertRecipe(t, mustGetRecipe(t, s, id), want)
	}
	bare := &recipe.Recipe{ID: 7, Name: "Toast", CreatedAt: storeEpoch, UpdatedAt: storeEpoch}
	if err := s.Recipes.Create(t.Context(), bare); err != nil {
		t.Fatalf("Create bare: %v", err)
	}
	got := mustGetRecipe(t, s, 7)
	assertRecipe(t, got, bare)
	if got.Ingredients == nil || got.DeletedAt != nil {
		t.Errorf("bare recipe: ingredients %v (want []), deleted %v", got.Ingredients, got.DeletedAt)
	}
}

func recipesCreateAssigns(t *testing.T, s Stores) {
	first := &recipe.Recipe{Name: "First", CreatedAt: storeEpoch, UpdatedAt: storeEpoch}
	if err := s.Recipes.Create(t.Context(), first); err != nil || first.ID != 1 {
		t.Fatalf("Create on an empty store: id %d, %v; want 1", first.ID, err)
	}
	mustSeedRecipes(t, s)
	if err := s.Recipes.Delete(t.Context(), 112, storeEpoch); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	next := &recipe.Recipe{Name: "Next", CreatedAt: storeEpoch, UpdatedAt: storeEpoch}
	if err := s.Recipes.Create(t.Context(), next); err != nil || next.ID != 113 {
		t.Fatalf("Create after 112 (deleted): id %d, %v; want 113", next.ID, err)
	}
	assertRecipe(t, mustGetRecipe(t, s, 113), next)
}

func recipesCreateConcurrent(t *testing.T, s Stores) {
	const n = 6
	ids := make(chan int64, n)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			r := &recipe.Recipe{Name: "Concurrent", CreatedAt: storeEpoch, UpdatedAt: storeEpoch}
			if err := s.Recipes.Create(t.Context(), r); err != nil {
				t.Errorf("concurrent Create: %v", err)
			}
			ids <- r.ID
		})
	}
	wg.Wait()
	close(ids)
	var got []int64
	for id := range ids {
		got = append(got, id)
	}
	slices.Sort(got)
	if !reflect.DeepEqual(got, []int64{1, 2, 3, 4, 5, 6}) {
		t.Errorf("concurrent creates got ids %v, want 1 to 6", got)
	}
}

func recipesConflict(t *testing.T, s Stores) {
	all := mustSeedRecipes(t, s)
	dup := SampleRecipes()[1]
	dup.ID, dup.Name = 101, "Impostor"
	assertCode(t, s.Recipes.Create(t.Context(), dup), domain.ErrConflict, "Create with a taken id")
	if err := s.Recipes.Delete(t.Context(), 102, storeEpoch); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	dup.ID = 102
	assertCode(t, s.Recipes.Create(t.Context(), dup), domain.ErrConflict, "Create with a deleted recipe's id")
	assertRecipe(t, mustGetRecipe(t, s, 101), all[101])
	bad := &recipe.Recipe{ID: -3, Name: "Negative", CreatedAt: storeEpoch, UpdatedAt: storeEpoch}
	assertCode(t, s.Recipes.Create(t.Context(), bad), domain.ErrValidation, "Create with a negative id")
	assertCode(t, s.Recipes.Save(t.Context(), bad), domain.ErrValidation, "Save with a negative id")
	bad.ID = 0
	assertCode(t, s.Recipes.Save(t.Context(), bad), domain.ErrValidation, "Save with id 0")
}

func recipesCopies(t *testing.T, s Stores) {
	in := SampleRecipes()[0]
	want := SampleRecipes()[0]
	if err := s.Recipes.Create(t.Context(), in); err != nil {
		t.Fatalf("Create: %v", err)
	}
	in.Tags[0], in.DietaryTags[0], *in.Ingredients[0].Quantity, in.Ingredients[1].Name = "x", "x", 1, "x"
	got := mustGetRecipe(t, s, want.ID)
	got.Allergens[0], got.Instructions[0], *got.Ingredients[2].Quantity = "x", "x", 2
	assertRecipe(t, mustGetRecipe(t, s, want.ID), want)
}

func recipesSave(t *testing.T, s Stores) {
	r := SampleRecipes()[3] // 104: rated 4.1 by 30, 12 favourites
	r.Rating, r.ReviewCount, r.FavoriteCount = 4.1, 30, 12
	if err := s.Recipes.Save(t.Context(), r); err != nil {
		t.Fatalf("Save new: %v", err)
	}
	assertRecipe(t, mustGetRecipe(t, s, r.ID), r)
	if err := s.Recipes.Save(t.Context(), r); err != nil {
		t.Fatalf("Save again: %v", err)
	}
	assertRecipe(t, mustGetRecipe(t, s, r.ID), r)
	next := SampleRecipes()[3]
	next.Name, next.Tags, next.Ingredients = "Wild Mushroom Risotto", []string{"Autumn"}, next.Ingredients[:2]
	next.Rating, next.ReviewCount, next.FavoriteCount = 1, 1, 1
	next.CreatedAt, next.UpdatedAt = storeEpoch.Add(time.Hour), storeEpoch.Add(2*time.Hour)
	if err := s.Recipes.Save(t.Context(), next); err != nil {
		t.Fatalf("Save replacement: %v", err)
	}
	want := *next
	want.Rating, want.ReviewCount, want.FavoriteCount, want.CreatedAt = 4.1, 30, 12, r.CreatedAt
	assertRecipe(t, mustGetRecipe(t, s, r.ID), &want)
	assertIDsOf(t, "search for the new name", mustSearch(t, s, recipe.Criteria{Query: "wild"}), 104)
	assertIDsOf(t, "search for the old tag", mustSearch(t, s, recipe.Criteria{Query: "comfort"}))
	if err := s.Recipes.Delete(t.Context(), r.ID, storeEpoch); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if err := s.Recipes.Save(t.Context(), r); err != nil {
		t.Fatalf("Save of a deleted recipe: %v", err)
	}
	_, err := s.Recipes.Get(t.Context(), r.ID)
	assertCode(t, err, domain.ErrNotFound, "Get after Save of a deleted recipe")
}

func recipesSaveMany(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	var batch []*recipe.Recipe
	for i := range 1200 {
		r := SampleRecipes()[i%12]
		r.ID, r.Rating, r.ReviewCount, r.FavoriteCount = int64(1000+i), 1, 1, 1
		batch = append(batch, r)
	}
	renamed := SampleRecipes()[0]
	renamed.Name, renamed.Rating = "Tikka Renamed", 1
	batch = append(batch, renamed, batch[len(batch)-1]) // an existing id, and one repeated within a batch
	if err := s.Recipes.SaveMany(t.Context(), batch); err != nil {
		t.Fatalf("SaveMany: %v", err)
	}
	if f := mustSearch(t, s, recipe.Criteria{Limit: 1}); f.total != 12+1200 {
		t.Errorf("after SaveMany %d recipes, want %d", f.total, 12+1200)
	}
	want := *renamed
	want.Rating = 4.8
	assertRecipe(t, mustGetRecipe(t, s, 101), &want)
	assertRecipe(t, mustGetRecipe(t, s, 2199), batch[len(batch)-1])
	bad := []*recipe.Recipe{SampleRecipes()[0], {ID: 0, Name: "no id"}}
	bad[0].ID = 5000
	assertCode(t, s.Recipes.SaveMany(t.Context(), bad), domain.ErrValidation, "SaveMany with id 0")
	_, err := s.Recipes.Get(t.Context(), 5000)
	assertCode(t, err, domain.ErrNotFound, "a refused SaveMany saves nothing")
	if err := s.Recipes.SaveMany(t.Context(), nil); err != nil {
		t.Errorf("SaveMany(nil): %v", err)
	}
}
