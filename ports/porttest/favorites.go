package porttest

import (
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

// FavoriteRepository runs the contract of ports.FavoriteRepository, with
// the favourite counts seen through the recipes of the same Stores.
// newStores must return an empty store each time (see Stores).
func FavoriteRepository(t *testing.T, newStores func(t *testing.T) Stores) {
	t.Helper()
	run := func(name string, test func(*testing.T, Stores)) {
		t.Run(name, func(t *testing.T) { test(t, newStores(t)) })
	}
	run("add lists newest first and counts", favoritesAdd)
	run("adding again changes nothing", favoritesAddAgain)
	run("remove uncounts, removing again changes nothing", favoritesRemove)
	run("pages", favoritesPaging)
	run("unknown or deleted recipes and users are not found", favoritesNotFound)
	run("concurrent adds lose no count", favoritesConcurrent)
	run("erasing the user removes favourites and uncounts them", favoritesErase)
}

func mustFavorite(t *testing.T, s Stores, userID string, recipeID int64, at time.Time) {
	t.Helper()
	if err := s.Favorites.Add(t.Context(), userID, recipeID, at); err != nil {
		t.Fatalf("Add(%d): %v", recipeID, err)
	}
}

// assertFavorites checks a page of favourites and the total.
func assertFavorites(t *testing.T, s Stores, userID string, offset, limit int, total int, want ...ports.Favorite) {
	t.Helper()
	got, n, err := s.Favorites.List(t.Context(), userID, offset, limit)
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if got == nil {
		t.Error("List returned nil, want []")
	}
	for i := range got {
		if got[i].At.Location() != time.UTC {
			t.Errorf("favourite %d: time in %v, want UTC", got[i].RecipeID, got[i].At.Location())
		}
		got[i].At = sameInstant(got[i].At)
	}
	for i := range want {
		want[i].At = storedTime(want[i].At)
	}
	if want == nil {
		want = []ports.Favorite{}
	}
	if !reflect.DeepEqual(got, want) || n != total {
		t.Errorf("List(%d, %d) = %+v (total %d), want %+v (total %d)", offset, limit, got, n, want, total)
	}
}

func assertFavoriteCount(t *testing.T, s Stores, recipeID int64, want int) {
	t.Helper()
	if got := mustGetRecipe(t, s, recipeID).FavoriteCount; got != want {
		t.Errorf("recipe %d: favourite count %d, want %d", recipeID, got, want)
	}
}

func at(minutes int) time.Time { return storeEpoch.Add(time.Duration(minutes) * time.Minute) }

func favoritesAdd(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	u := mustCreateUser(t, s, storeEmail(storeTag(), "fav"))
	mustFavorite(t, s, u.ID, 101, at(1))
	mustFavorite(t, s, u.ID, 105, at(3))
	mustFavorite(t, s, u.ID, 103, at(2))
	mustFavorite(t, s, u.ID, 102, at(2)) // same time as 103: the higher id first
	assertFavorites(t, s, u.ID, 0, 10, 4, ports.Favorite{RecipeID: 105, At: at(3)},
		ports.Favorite{RecipeID: 103, At: at(2)}, ports.Favorite{RecipeID: 102, At: at(2)},
		ports.Favorite{RecipeID: 101, At: at(1)})
	assertFavoriteCount(t, s, 101, 41)
	assertFavoriteCount(t, s, 105, 9)
	other := mustCreateUser(t, s, storeEmail(storeTag(), "other"))
	assertFavorites(t, s, other.ID, 0, 10, 0)
}

func favoritesAddAgain(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	u := mustCreateUser(t, s, storeEmail(storeTag(), "again"))
	mustFavorite(t, s, u.ID, 101, at(1))
	mustFavorite(t, s, u.ID, 101, at(5))
	assertFavorites(t, s, u.ID, 0, 10, 1, ports.Favorite{RecipeID: 101, At: at(1)})
	assertFavoriteCount(t, s, 101, 41)
}

func favoritesRemove(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	tag := storeTag()
	a, b := mustCreateUser(t, s, storeEmail(tag, "a")), mustCreateUser(t, s, storeEmail(tag, "b"))
	mustFavorite(t, s, a.ID, 101, at(1))
	mustFavorite(t, s, b.ID, 101, at(2))
	assertFavoriteCount(t, s, 101, 42)
	for range 2 {
		if err := s.Favorites.Remove(t.Context(), a.ID, 101); err != nil {
			t.Fatalf("Remove: %v", err)
		}
		assertFavoriteCount(t, s, 101, 41)
	}
	if err := s.Favorites.Remove(t.Context(), a.ID, 999); err != nil {
		t.Errorf("Remove of an unknown recipe: %v", err)
	}
	assertFavorites(t, s, a.ID, 0, 10, 0)
	assertFavorites(t, s, b.ID, 0, 10, 1, ports.Favorite{RecipeID: 101, At: at(2)})
}

func favoritesPaging(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	u := mustCreateUser(t, s, storeEmail(storeTag(), "page"))
	var all []ports.Favorite
	for i, id := range []int64{101, 102, 103, 104, 105} {
		mustFavorite(t, s, u.ID, id, at(i))
		all = append([]ports.Favorite{{RecipeID: id, At: at(i)}}, all...)
	}
	assertFavorites(t, s, u.ID, 1, 2, 5, all[1], all[2])
	assertFavorites(t, s, u.ID, 4, 2, 5, all[4])
	assertFavorites(t, s, u.ID, 5, 2, 5)
	assertFavorites(t, s, u.ID, 0, 0, 5, all...)
	if err := s.Recipes.Delete(t.Context(), 105, storeEpoch); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	assertFavorites(t, s, u.ID, 0, 2, 4, all[1], all[2])
	assertFavoriteCount(t, s, 104, 13)
}

func favoritesNotFound(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	u := mustCreateUser(t, s, storeEmail(storeTag(), "nf"))
	if err := s.Recipes.Delete(t.Context(), 108, storeEpoch); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	assertCode(t, s.Favorites.Add(t.Context(), u.ID, 999, storeEpoch), domain.ErrNotFound, "Add unknown recipe")
	assertCode(t, s.Favorites.Add(t.Context(), u.ID, 108, storeEpoch), domain.ErrNotFound, "Add deleted recipe")
	assertCode(t, s.Favorites.Add(t.Context(), storeID(), 101, storeEpoch), domain.ErrNotFound, "Add unknown user")
	mustErase(t, s, u.ID)
	assertCode(t, s.Favorites.Add(t.Context(), u.ID, 101, storeEpoch), domain.ErrNotFound, "Add erased user")
	assertFavoriteCount(t, s, 101, 40)
	assertFavorites(t, s, storeID(), 0, 10, 0)
}

func favoritesConcurrent(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	const n = 8
	users := make([]*user.User, n)
	for i := range users {
		users[i] = mustCreateUser(t, s, storeEmail(storeTag(), "conc"))
	}
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Go(func() {
			if err := s.Favorites.Add(t.Context(), u.ID, 101, storeEpoch); err != nil {
				t.Errorf("concurrent Add: %v", err)
			}
		})
	}
	wg.Wait()
	assertFavoriteCount(t, s, 101, 40+n)
}

// mustErase erases the user as the application does.
func mustErase(t *testing.T, s Stores, userID string) {
	t.Helper()
	err := s.Users.Erase(t.Context(), userID, func(u *user.User) error {
		u.Anonymise(storeEpoch)
		return nil
	})
	if err != nil {
		t.Fatalf("Erase: %v", err)
	}
}

func favoritesErase(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	tag := storeTag()
	a, b := mustCreateUser(t, s, storeEmail(tag, "a")), mustCreateUser(t, s, storeEmail(tag, "b"))
	mustFavorite(t, s, a.ID, 101, at(1))
	mustFavorite(t, s, a.ID, 102, at(2))
	mustFavorite(t, s, b.ID, 101, at(3))
	if err := s.Recipes.Delete(t.Context(), 102, storeEpoch); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	mustErase(t, s, a.ID)
	assertFavoriteCount(t, s, 101, 41)
	assertFavorites(t, s, a.ID, 0, 10, 0)
	assertFavorites(t, s, b.ID, 0, 10, 1, ports.Favorite{RecipeID: 101, At: at(3)})
	mustFavorite(t, s, b.ID, 103, at(4))
	assertFavoriteCount(t, s, 103, 31)
}
