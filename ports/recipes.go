package ports

import (
	"context"
	"time"

	"github.com/mealplanner/backend/domain/recipe"
)

// RecipeRepository stores the catalogue. Soft-deleted recipes are invisible
// to every read except where a method says otherwise.
type RecipeRepository interface {
	// Create stores a new recipe; an ID of 0 is assigned the next free id.
	// CONFLICT when the id is taken (by a live or a deleted recipe).
	Create(ctx context.Context, r *recipe.Recipe) error
	// Save inserts the recipe or replaces the one with its id, keeping the
	// stored ratings, favourite count and creation time; a soft-deleted recipe
	// stays deleted. Seeding uses it, so running a seed twice changes nothing.
	// VALIDATION_ERROR when the id is not positive.
	Save(ctx context.Context, r *recipe.Recipe) error
	// SaveMany is Save for many recipes at once, for seeding at scale: the
	// rows go in batches inside one transaction, so either all are saved or
	// none. VALIDATION_ERROR when an id is not positive.
	SaveMany(ctx context.Context, rs []*recipe.Recipe) error
	// Get returns a live recipe. NOT_FOUND when unknown or deleted.
	Get(ctx context.Context, id int64) (*recipe.Recipe, error)
	// GetMany returns the live recipes among ids, in the order of ids; unknown
	// and deleted ids are left out.
	GetMany(ctx context.Context, ids []int64) ([]*recipe.Recipe, error)
	// Update loads a live recipe, applies fn and saves it atomically; an error
	// from fn is returned as is. The id, the stored ratings, favourite count,
	// creation and deletion times are kept whatever fn does to them.
	// NOT_FOUND when unknown or deleted.
	Update(ctx context.Context, id int64, fn func(*recipe.Recipe) error) (*recipe.Recipe, error)
	// Delete soft-deletes a recipe. NOT_FOUND when unknown or already deleted.
	Delete(ctx context.Context, id int64, at time.Time) error
	// Search returns one page of live recipes matching the criteria and the
	// total number of matches; a page past the end is empty, not nil. Every
	// word of Query must appear in the name, tags, ingredients or
	// description (the last word also as a prefix, "chick" finding chicken).
	// Relevance puts recipes whose name holds every word first, then the
	// others, each by rating, review count, id. Contract allergens are
	// excluded by the recipes' allergens, other allergies and dislikes by
	// ingredient names and foods; every comparison ignores case; a Limit of
	// 0 means no limit. VALIDATION_ERROR for an unknown sort or a negative
	// offset or limit.
	Search(ctx context.Context, c recipe.Criteria) ([]recipe.Summary, int, error)
	// Categories lists every category that has live recipes, by name, with
	// counts and the thumbnail of its best-rated recipe.
	Categories(ctx context.Context) ([]recipe.CategoryInfo, error)
	// Cuisines lists the distinct cuisines of live recipes, sorted.
	Cuisines(ctx context.Context) ([]string, error)
}

// Favorite is a recipe a user marked, and when.
type Favorite struct {
	RecipeID int64
	At       time.Time
}

// FavoriteRepository stores users' favourite recipes and keeps each recipe's
// favourite count in step.
type FavoriteRepository interface {
	// Add marks a favourite; marking it again changes nothing. NOT_FOUND
	// when the user or the recipe is unknown or deleted.
	Add(ctx context.Context, userID string, recipeID int64, at time.Time) error
	// Remove unmarks a favourite; removing a missing one changes nothing.
	Remove(ctx context.Context, userID string, recipeID int64) error
	// List returns a page of the user's favourites of live recipes, newest
	// first, and their total.
	List(ctx context.Context, userID string, offset, limit int) ([]Favorite, int, error)
}

// Rating is one user's stars for one recipe.
type Rating struct {
	RecipeID int64
	Stars    int
	At       time.Time
}

// RatingRepository stores ratings and keeps each recipe's mean and count in step.
type RatingRepository interface {
	// Rate sets (or replaces) the user's stars for a live recipe and returns
	// the recipe's new mean and count. NOT_FOUND when the user or the recipe
	// is unknown or deleted; VALIDATION_ERROR when stars is not 1 to 5.
	Rate(ctx context.Context, userID string, recipeID int64, stars int, at time.Time) (mean float64, count int, err error)
	// Mine returns the user's stars for a recipe, or 0 when they gave none.
	Mine(ctx context.Context, userID string, recipeID int64) (int, error)
	// ByUser returns every rating of the user, newest first, for data export.
	ByUser(ctx context.Context, userID string) ([]Rating, error)
}
