package memory

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

// RatingRepository is the in-memory ports.RatingRepository of a Store. It
// keeps each recipe's Rating (the mean) and ReviewCount in step under the
// store's lock.
type RatingRepository struct{ s *Store }

var _ ports.RatingRepository = (*RatingRepository)(nil)

var errStars = domain.Invalid("stars must be between 1 and 5", map[string]string{"stars": "must be between 1 and 5"})

// storedRating is one user's stars for one recipe.
type storedRating struct {
	stars                int
	createdAt, updatedAt time.Time
}

// The mean moves by the same arithmetic as in the SQL adapter, so that both
// stores come to the very same float: counts imported with the catalogue
// survive a user's first rating.

// withRating replaces old stars (0 for none) by stars in a mean of count.
func withRating(mean float64, count, old, stars int) (float64, int) {
	if old == 0 || count == 0 {
		return (mean*float64(count) + float64(stars)) / float64(count+1), count + 1
	}
	return (mean*float64(count) - float64(old) + float64(stars)) / float64(count), count
}

// withoutRating takes old stars out of a mean of count.
func withoutRating(mean float64, count, old int) (float64, int) {
	if count <= 1 {
		return 0, 0
	}
	return (mean*float64(count) - float64(old)) / float64(count-1), count - 1
}

// Rate sets or replaces the user's stars for a live recipe and returns the
// recipe's new mean and count. NOT_FOUND when the user or the recipe is
// unknown or deleted; VALIDATION_ERROR when stars is not 1 to 5.
func (r *RatingRepository) Rate(_ context.Context, userID string, recipeID int64, stars int, at time.Time) (float64, int, error) {
	if stars < 1 || stars > 5 {
		return 0, 0, errStars
	}
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	if _, err := r.s.live(userID); err != nil {
		return 0, 0, err
	}
	rec, err := r.s.liveRecipe(recipeID)
	if err != nil {
		return 0, 0, err
	}
	if r.s.ratings[userID] == nil {
		r.s.ratings[userID] = map[int64]storedRating{}
	}
	cur, rated := r.s.ratings[userID][recipeID]
	rec.Rating, rec.ReviewCount = withRating(rec.Rating, rec.ReviewCount, cur.stars, stars)
	if !rated {
		cur.createdAt = utc(at)
	}
	r.s.ratings[userID][recipeID] = storedRating{stars: stars, createdAt: cur.createdAt, updatedAt: utc(at)}
	return rec.Rating, rec.ReviewCount, nil
}

// Mine returns the user's stars for a recipe, or 0 when they gave none.
func (r *RatingRepository) Mine(_ context.Context, userID string, recipeID int64) (int, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	return r.s.ratings[userID][recipeID].stars, nil
}

// ByUser returns every rating of the user, deleted recipes' included,
// newest first (ties by recipe id, highest first).
func (r *RatingRepository) ByUser(_ context.Context, userID string) ([]ports.Rating, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	out := []ports.Rating{}
	for recipeID, g := range r.s.ratings[userID] {
		out = append(out, ports.Rating{RecipeID: recipeID, Stars: g.stars, At: g.updatedAt})
	}
	slices.SortFunc(out, func(a, b ports.Rating) int {
		return cmp.Or(b.At.Compare(a.At), cmp.Compare(b.RecipeID, a.RecipeID))
	})
	return out, nil
}

// eraseRatings removes every rating of the user, taking each out of its
// recipe's mean and count.
func (s *Store) eraseRatings(userID string) {
	for recipeID, g := range s.ratings[userID] {
		if rec, ok := s.recipes[recipeID]; ok {
			rec.Rating, rec.ReviewCount = withoutRating(rec.Rating, rec.ReviewCount, g.stars)
		}
	}
	delete(s.ratings, userID)
}
