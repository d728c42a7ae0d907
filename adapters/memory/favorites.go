package memory

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/mealplanner/backend/ports"
)

// FavoriteRepository is the in-memory ports.FavoriteRepository of a Store.
// It keeps each recipe's FavoriteCount in step under the store's lock.
type FavoriteRepository struct{ s *Store }

var _ ports.FavoriteRepository = (*FavoriteRepository)(nil)

// Add marks a favourite and counts it; marking it again changes nothing.
// NOT_FOUND when the user or the recipe is unknown or deleted.
func (r *FavoriteRepository) Add(_ context.Context, userID string, recipeID int64, at time.Time) error {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	if _, err := r.s.live(userID); err != nil {
		return err
	}
	rec, err := r.s.liveRecipe(recipeID)
	if err != nil {
		return err
	}
	if _, ok := r.s.favorites[userID][recipeID]; ok {
		return nil
	}
	if r.s.favorites[userID] == nil {
		r.s.favorites[userID] = map[int64]time.Time{}
	}
	r.s.favorites[userID][recipeID] = utc(at)
	rec.FavoriteCount++
	return nil
}

// Remove unmarks a favourite and uncounts it; removing a missing one
// changes nothing.
func (r *FavoriteRepository) Remove(_ context.Context, userID string, recipeID int64) error {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	r.s.unfavorite(userID, recipeID)
	return nil
}

func (s *Store) unfavorite(userID string, recipeID int64) {
	if _, ok := s.favorites[userID][recipeID]; !ok {
		return
	}
	delete(s.favorites[userID], recipeID)
	if rec, ok := s.recipes[recipeID]; ok {
		rec.FavoriteCount--
	}
}

// eraseFavorites removes every favourite of the user, uncounting each.
func (s *Store) eraseFavorites(userID string) {
	for recipeID := range s.favorites[userID] {
		s.unfavorite(userID, recipeID)
	}
	delete(s.favorites, userID)
}

// List returns a page of the user's favourites of live recipes, newest
// first (ties by recipe id, highest first), and their total. A limit of 0
// means no limit.
func (r *FavoriteRepository) List(_ context.Context, userID string, offset, limit int) ([]ports.Favorite, int, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	out := []ports.Favorite{}
	for recipeID, at := range r.s.favorites[userID] {
		if _, err := r.s.liveRecipe(recipeID); err == nil {
			out = append(out, ports.Favorite{RecipeID: recipeID, At: at})
		}
	}
	slices.SortFunc(out, func(a, b ports.Favorite) int {
		return cmp.Or(b.At.Compare(a.At), cmp.Compare(b.RecipeID, a.RecipeID))
	})
	total := len(out)
	out = out[min(max(offset, 0), total):]
	if limit > 0 && limit < len(out) {
		out = out[:limit]
	}
	return out, total, nil
}
