package porttest

import (
	"math"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

// RatingRepository runs the contract of ports.RatingRepository, with the
// means and counts seen through the recipes of the same Stores. newStores
// must return an empty store each time (see Stores).
func RatingRepository(t *testing.T, newStores func(t *testing.T) Stores) {
	t.Helper()
	run := func(name string, test func(*testing.T, Stores)) {
		t.Run(name, func(t *testing.T) { test(t, newStores(t)) })
	}
	run("rate sets, replaces and averages", ratingsRate)
	run("a mean imported with the catalogue moves by each rating", ratingsSeeded)
	run("stars outside 1 to 5 are invalid", ratingsInvalid)
	run("unknown or deleted recipes and users are not found", ratingsNotFound)
	run("by user lists newest first, deleted recipes included", ratingsByUser)
	run("concurrent ratings lose no count", ratingsConcurrent)
	run("erasing the user takes their ratings out of the means", ratingsErase)
}

func mustRate(t *testing.T, s Stores, userID string, recipeID int64, stars int, when time.Time) (float64, int) {
	t.Helper()
	mean, count, err := s.Ratings.Rate(t.Context(), userID, recipeID, stars, when)
	if err != nil {
		t.Fatalf("Rate(%d, %d): %v", recipeID, stars, err)
	}
	return mean, count
}

// assertMean checks a mean and count, to within float rounding.
func assertMean(t *testing.T, what string, mean float64, count int, wantMean float64, wantCount int) {
	t.Helper()
	if math.Abs(mean-wantMean) > 1e-9 || count != wantCount {
		t.Errorf("%s: mean %v of %d, want %v of %d", what, mean, count, wantMean, wantCount)
	}
}

// assertStored checks the recipe's stored mean and count.
func assertStored(t *testing.T, s Stores, recipeID int64, wantMean float64, wantCount int) {
	t.Helper()
	r := mustGetRecipe(t, s, recipeID)
	assertMean(t, "stored", r.Rating, r.ReviewCount, wantMean, wantCount)
}

func assertMine(t *testing.T, s Stores, userID string, recipeID int64, want int) {
	t.Helper()
	if got, err := s.Ratings.Mine(t.Context(), userID, recipeID); err != nil || got != want {
		t.Errorf("Mine(%d) = %d, %v; want %d", recipeID, got, err, want)
	}
}

func ratingsRate(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	tag := storeTag()
	a, b := mustCreateUser(t, s, storeEmail(tag, "a")), mustCreateUser(t, s, storeEmail(tag, "b"))
	mean, count := mustRate(t, s, a.ID, 112, 4, at(1)) // 112 is unrated
	assertMean(t, "first", mean, count, 4, 1)
	mean, count = mustRate(t, s, b.ID, 112, 2, at(2))
	assertMean(t, "second", mean, count, 3, 2)
	mean, count = mustRate(t, s, a.ID, 112, 5, at(3))
	assertMean(t, "replaced", mean, count, 3.5, 2)
	assertStored(t, s, 112, 3.5, 2)
	assertMine(t, s, a.ID, 112, 5)
	assertMine(t, s, b.ID, 112, 2)
	assertMine(t, s, a.ID, 101, 0)
	assertMine(t, s, storeID(), 112, 0)
}

func ratingsSeeded(t *testing.T, s Stores) {
	mustSeedRecipes(t, s) // 104: 4.1 from 30 ratings
	u := mustCreateUser(t, s, storeEmail(storeTag(), "seed"))
	want := (4.1*30 + 5) / 31
	mean, count := mustRate(t, s, u.ID, 104, 5, at(1))
	assertMean(t, "rated", mean, count, want, 31)
	mean, count = mustRate(t, s, u.ID, 104, 1, at(2))
	assertMean(t, "re-rated", mean, count, (4.1*30+1)/31, 31)
	assertStored(t, s, 104, (4.1*30+1)/31, 31)
}

func ratingsInvalid(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	u := mustCreateUser(t, s, storeEmail(storeTag(), "bad"))
	for _, stars := range []int{0, 6, -1} {
		_, _, err := s.Ratings.Rate(t.Context(), u.ID, 112, stars, storeEpoch)
		assertCode(t, err, domain.ErrValidation, "Rate with stars out of range")
	}
	assertStored(t, s, 112, 0, 0)
	assertMine(t, s, u.ID, 112, 0)
}

func ratingsNotFound(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	u := mustCreateUser(t, s, storeEmail(storeTag(), "nf"))
	if err := s.Recipes.Delete(t.Context(), 108, storeEpoch); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	for what, id := range map[string]int64{"unknown": 999, "deleted": 108} {
		_, _, err := s.Ratings.Rate(t.Context(), u.ID, id, 4, storeEpoch)
		assertCode(t, err, domain.ErrNotFound, "Rate "+what+" recipe")
	}
	_, _, err := s.Ratings.Rate(t.Context(), storeID(), 101, 4, storeEpoch)
	assertCode(t, err, domain.ErrNotFound, "Rate by an unknown user")
	mustErase(t, s, u.ID)
	_, _, err = s.Ratings.Rate(t.Context(), u.ID, 101, 4, storeEpoch)
	assertCode(t, err, domain.ErrNotFound, "Rate by an erased user")
	assertStored(t, s, 101, 4.8, 120)
}

func ratingsByUser(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	u := mustCreateUser(t, s, storeEmail(storeTag(), "by"))
	mustRate(t, s, u.ID, 101, 3, at(1))
	mustRate(t, s, u.ID, 102, 4, at(3))
	mustRate(t, s, u.ID, 103, 2, at(2))
	mustRate(t, s, u.ID, 104, 1, at(2)) // same time as 103: the higher id first
	mustRate(t, s, u.ID, 101, 5, at(4))
	if err := s.Recipes.Delete(t.Context(), 102, storeEpoch); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	got, err := s.Ratings.ByUser(t.Context(), u.ID)
	if err != nil {
		t.Fatalf("ByUser: %v", err)
	}
	for i := range got {
		got[i].At = sameInstant(got[i].At)
	}
	want := []ports.Rating{{RecipeID: 101, Stars: 5, At: storedTime(at(4))}, {RecipeID: 102, Stars: 4,
		At: storedTime(at(3))}, {RecipeID: 104, Stars: 1, At: storedTime(at(2))},
		{RecipeID: 103, Stars: 2, At: storedTime(at(2))}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ByUser\n got: %+v\nwant: %+v", got, want)
	}
	if none, err := s.Ratings.ByUser(t.Context(), storeID()); err != nil || none == nil || len(none) != 0 {
		t.Errorf("ByUser of an unknown user = %v, %v; want []", none, err)
	}
}

func ratingsConcurrent(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	const n = 8
	var wg sync.WaitGroup
	for i := range n {
		u := mustCreateUser(t, s, storeEmail(storeTag(), "conc"))
		wg.Go(func() {
			if _, _, err := s.Ratings.Rate(t.Context(), u.ID, 112, 1+i%5, storeEpoch); err != nil {
				t.Errorf("concurrent Rate: %v", err)
			}
		})
	}
	wg.Wait()
	assertStored(t, s, 112, float64(1+2+3+4+5+1+2+3)/n, n)
}

func ratingsErase(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	tag := storeTag()
	a, b := mustCreateUser(t, s, storeEmail(tag, "a")), mustCreateUser(t, s, storeEmail(tag, "b"))
	mustRate(t, s, a.ID, 112, 4, at(1))
	mustRate(t, s, b.ID, 112, 2, at(2))
	mustRate(t, s, a.ID, 104, 5, at(3))
	mustRate(t, s, a.ID, 108, 1, at(4))
	if err := s.Recipes.Delete(t.Context(), 108, storeEpoch); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	mustErase(t, s, a.ID)
	assertStored(t, s, 112, 2, 1)
	assertStored(t, s, 104, 4.1, 30)
	assertMine(t, s, a.ID, 112, 0)
	assertMine(t, s, b.ID, 112, 2)
	if got, err := s.Ratings.ByUser(t.Context(), a.ID); err != nil || len(got) != 0 {
		t.Errorf("ByUser after erasure = %v, %v; want none", got, err)
	}
	mustErase(t, s, b.ID)
	assertStored(t, s, 112, 0, 0)
}
