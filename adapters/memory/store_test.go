package memory_test

import (
	"testing"

	"github.com/mealplanner/backend/adapters/memory"
	"github.com/mealplanner/backend/ports/porttest"
)

func newMemoryStores(*testing.T) porttest.Stores {
	s := memory.NewStore()
	return porttest.Stores{Users: s.Users(), Sessions: s.Sessions(), Resets: s.Resets(), Activities: s.Activities(),
		Recipes: s.Recipes(), Favorites: s.Favorites(), Ratings: s.Ratings(), Plans: s.Plans(), Lists: s.ShoppingLists()}
}

func TestUserRepositoryContract(t *testing.T) {
	t.Parallel()
	porttest.UserRepository(t, newMemoryStores)
}

func TestSessionRepositoryContract(t *testing.T) {
	t.Parallel()
	porttest.SessionRepository(t, newMemoryStores)
}

func TestPasswordResetRepositoryContract(t *testing.T) {
	t.Parallel()
	porttest.PasswordResetRepository(t, newMemoryStores)
}

func TestActivityRepositoryContract(t *testing.T) {
	t.Parallel()
	porttest.ActivityRepository(t, newMemoryStores)
}

func TestRecipeRepositoryContract(t *testing.T) {
	t.Parallel()
	porttest.RecipeRepository(t, newMemoryStores)
}

func TestFavoriteRepositoryContract(t *testing.T) {
	t.Parallel()
	porttest.FavoriteRepository(t, newMemoryStores)
}

func TestRatingRepositoryContract(t *testing.T) {
	t.Parallel()
	porttest.RatingRepository(t, newMemoryStores)
}

func TestPlanRepositoryContract(t *testing.T) {
	t.Parallel()
	porttest.PlanRepository(t, newMemoryStores)
}

func TestShoppingListRepositoryContract(t *testing.T) {
	t.Parallel()
	porttest.ShoppingListRepository(t, newMemoryStores)
}
